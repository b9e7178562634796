using DevEndpoint.Run;

return await RunJob.RunAsync(args, Console.Out, Console.Error);

using DevEndpoint.Cluster;

return await ClusterApp.RunAsync(args, Console.Out, Console.Error);

namespace DevEndpoint;

/// <summary>
/// An error the user can act on: bad input, a missing table, an invalid predicate.
/// Its message says what failed, where, and what to do; front ends show it as is.
/// </summary>
public class DevEndpointException : Exception
{
    public DevEndpointException(string message)
        : base(message)
    {
    }

    public DevEndpointException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>
    /// None: the message is the whole story for the user. A notebook shows a C# cell's exception as its text, which would
    /// otherwise follow the message with the stack of DevEndpoint's own code.
    /// </summary>
    public override string? StackTrace => null;
}

namespace Passerelle.Sdk.Mail;

/// <summary>The last thing the user did with a message: replied or forwarded, and when.</summary>
/// <param name="Verb">What was done.</param>
/// <param name="At">When, if known.</param>
public sealed record LastVerb(MessageVerb Verb, DateTimeOffset? At);

/// <summary>The verbs of EAS <c>LastVerbExecuted</c>.</summary>
public enum MessageVerb
{
    /// <summary>Replied to the sender.</summary>
    ReplyToSender = 1,

    /// <summary>Replied to all.</summary>
    ReplyToAll = 2,

    /// <summary>Forwarded.</summary>
    Forward = 3,
}

namespace Passerelle.Sdk.Mail;

/// <summary>An account's out-of-office state, period and replies (the three audiences of EAS Settings Oof).</summary>
/// <param name="State">Off, on, or on during a period.</param>
public sealed record OutOfOfficeSettings(OutOfOfficeState State)
{
    /// <summary>No reply is sent.</summary>
    public static OutOfOfficeSettings Off { get; } = new(OutOfOfficeState.Off);

    /// <summary>When a <see cref="OutOfOfficeState.Scheduled"/> period starts.</summary>
    public DateTimeOffset? Start { get; init; }

    /// <summary>When a <see cref="OutOfOfficeState.Scheduled"/> period ends (exclusive).</summary>
    public DateTimeOffset? End { get; init; }

    /// <summary>The reply to senders of the account's own organisation (the store's domains).</summary>
    public OutOfOfficeReply? Internal { get; init; }

    /// <summary>The reply to outside senders that are in the account's contacts.</summary>
    public OutOfOfficeReply? ExternalKnown { get; init; }

    /// <summary>The reply to every other outside sender.</summary>
    public OutOfOfficeReply? ExternalUnknown { get; init; }

    /// <summary>Whether replies are sent at this time.</summary>
    /// <param name="now">The time of delivery.</param>
    public bool IsActiveAt(DateTimeOffset now) => State switch
    {
        OutOfOfficeState.On => true,
        OutOfOfficeState.Scheduled => Start is { } start && End is { } end && now >= start && now < end,
        _ => false,
    };
}

/// <summary>Whether out-of-office replies are sent.</summary>
public enum OutOfOfficeState
{
    /// <summary>Never.</summary>
    Off = 0,

    /// <summary>Always, until turned off.</summary>
    On = 1,

    /// <summary>From <see cref="OutOfOfficeSettings.Start"/> to <see cref="OutOfOfficeSettings.End"/>.</summary>
    Scheduled = 2,
}

/// <summary>The reply one audience gets.</summary>
/// <param name="Enabled">Whether this audience is answered.</param>
/// <param name="Message">The reply's text.</param>
/// <param name="IsHtml">Whether <paramref name="Message"/> is HTML rather than plain text.</param>
public sealed record OutOfOfficeReply(bool Enabled, string Message, bool IsHtml);

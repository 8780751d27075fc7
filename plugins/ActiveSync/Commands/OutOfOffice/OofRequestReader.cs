using Passerelle.ActiveSync.Conversion;
using Passerelle.ActiveSync.Wbxml;
using Passerelle.Sdk.Mail;

namespace Passerelle.ActiveSync.Commands.OutOfOffice;

/// <summary>
/// Reads a Settings Oof Set (MS-ASCMD 2.2.3.119): the state, the period and an OofMessage per audience. An
/// audience the request leaves out keeps its reply, as Exchange does, so a phone that sends only the internal
/// reply does not wipe the external one.
/// </summary>
internal static class OofRequestReader
{
    /// <exception cref="OofRequestException">The request is malformed, a value invalid or the period inconsistent.</exception>
    public static OutOfOfficeSettings ReadSet(WbxmlElement set, OutOfOfficeSettings current)
    {
        var state = set.Value(Settings.OofState) switch
        {
            "0" => OutOfOfficeState.Off,
            "1" => OutOfOfficeState.On,
            "2" => OutOfOfficeState.Scheduled,
            null => current.State,
            var other => throw new OofRequestException(OofStatus.InvalidArguments, $"OofState is '{other}'"),
        };
        var settings = current with
        {
            State = state,
            Start = Date(set, Settings.StartTime) ?? current.Start,
            End = Date(set, Settings.EndTime) ?? current.End,
        };
        if (state == OutOfOfficeState.Scheduled && !(settings.Start is { } start && settings.End is { } end && start < end))
        {
            throw new OofRequestException(OofStatus.ConflictingArguments, "a scheduled period needs a StartTime before its EndTime");
        }

        foreach (var message in set.Elements(Settings.OofMessage))
        {
            settings = AudienceOf(message) switch
            {
                Audience.Internal => settings with { Internal = Reply(message, settings.Internal) },
                Audience.ExternalKnown => settings with { ExternalKnown = Reply(message, settings.ExternalKnown) },
                _ => settings with { ExternalUnknown = Reply(message, settings.ExternalUnknown) },
            };
        }

        return settings;
    }

    /// <summary>The body type a Get asks for: HTML or, by default, text.</summary>
    public static bool WantsHtml(WbxmlElement get) => string.Equals(get.Value(Settings.BodyType), "HTML", StringComparison.OrdinalIgnoreCase);

    private static Audience AudienceOf(WbxmlElement message)
    {
        var audiences = new[]
        {
            (Tag: Settings.AppliesToInternal, Audience: Audience.Internal),
            (Tag: Settings.AppliesToExternalKnown, Audience: Audience.ExternalKnown),
            (Tag: Settings.AppliesToExternalUnknown, Audience: Audience.ExternalUnknown),
        }.Where(a => message.Element(a.Tag) is not null).ToList();
        return audiences.Count == 1
            ? audiences[0].Audience
            : throw new OofRequestException(OofStatus.ProtocolError, "an OofMessage names no audience, or several");
    }

    private static OutOfOfficeReply Reply(WbxmlElement message, OutOfOfficeReply? current)
    {
        var enabled = message.Value(Settings.Enabled) switch
        {
            "1" => true,
            "0" => false,
            null => current?.Enabled ?? message.Value(Settings.ReplyMessage) is { Length: > 0 },
            var other => throw new OofRequestException(OofStatus.InvalidArguments, $"Enabled is '{other}'"),
        };
        var isHtml = message.Value(Settings.BodyType) switch
        {
            null => current?.IsHtml ?? false,
            var type when type.Equals("HTML", StringComparison.OrdinalIgnoreCase) => true,
            var type when type.Equals("Text", StringComparison.OrdinalIgnoreCase) => false,
            var other => throw new OofRequestException(OofStatus.InvalidArguments, $"BodyType is '{other}'"),
        };
        return new OutOfOfficeReply(enabled, message.Value(Settings.ReplyMessage) ?? current?.Message ?? "", isHtml);
    }

    private static DateTimeOffset? Date(WbxmlElement set, WbxmlTag tag)
    {
        try
        {
            return set.Value(tag) is { } text ? EasDate.Parse(text, tag.Name!) : null;
        }
        catch (ConversionException exception)
        {
            throw new OofRequestException(OofStatus.InvalidArguments, exception.Message);
        }
    }
}

/// <summary>The three audiences of an out-of-office reply.</summary>
internal enum Audience
{
    Internal,
    ExternalKnown,
    ExternalUnknown,
}

/// <summary>An Oof request that gets a status other than success.</summary>
internal sealed class OofRequestException(int status, string reason) : Exception(reason)
{
    public int Status { get; } = status;
}

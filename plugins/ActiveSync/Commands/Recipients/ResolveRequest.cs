using Passerelle.ActiveSync.Conversion;
using Passerelle.ActiveSync.Wbxml;
using Passerelle.Sdk.Directory;

namespace Passerelle.ActiveSync.Commands.Recipients;

/// <summary>A ResolveRecipients request (MS-ASCMD 2.2.1.15): what to resolve and which options.</summary>
internal sealed record ResolveRequest(IReadOnlyList<string> To)
{
    /// <summary>Most recipients per request (MS-ASCMD 2.2.3.183: more is a protocol error).</summary>
    public const int MaxTo = 100;

    /// <summary>MergedFreeBusy is at most 32 KB: one character per 30 minutes.</summary>
    public const int MaxIntervals = 32 * 1024;

    /// <summary>1 no certificates, 2 full certificates, 3 mini certificates.</summary>
    public int CertificateRetrieval { get; init; } = 1;

    public int? MaxCertificates { get; init; }

    public int MaxAmbiguousRecipients { get; init; } = 20;

    public (DateTimeOffset Start, DateTimeOffset End)? Availability { get; init; }

    public GalPictureOptions? Pictures { get; init; }

    /// <exception cref="ResolveRequestException">The request does not follow the schema or asks too much.</exception>
    public static ResolveRequest Read(WbxmlElement root)
    {
        var to = root.Tag == ResolveRecipients.ResolveRecipientsTag ? root.Elements(ResolveRecipients.To).Select(e => e.Text ?? "").ToList() : [];
        if (to.Count is 0 or > MaxTo || to.Any(t => t.Length is 0 or > 256))
        {
            throw new ResolveRequestException($"a request resolves 1 to {MaxTo} recipients of up to 256 characters");
        }

        var options = root.Element(ResolveRecipients.Options);
        if (options is null)
        {
            return new ResolveRequest(to);
        }

        return new ResolveRequest(to)
        {
            CertificateRetrieval = Number(options, ResolveRecipients.CertificateRetrieval, 1, 3) ?? 1,
            MaxCertificates = Number(options, ResolveRecipients.MaxCertificates, 0, 9999),
            MaxAmbiguousRecipients = Number(options, ResolveRecipients.MaxAmbiguousRecipients, 0, 9999) ?? 20,
            Availability = options.Element(ResolveRecipients.Availability) is { } availability ? Period(availability) : null,
            Pictures = options.Element(ResolveRecipients.Picture) is { } picture
                ? new GalPictureOptions(Number(picture, ResolveRecipients.MaxSize, 0, int.MaxValue), Number(picture, ResolveRecipients.MaxPictures, 0, 9999))
                : null,
        };
    }

    private static (DateTimeOffset, DateTimeOffset) Period(WbxmlElement availability)
    {
        try
        {
            var start = EasDate.Parse(availability.Value(ResolveRecipients.StartTime) ?? throw new ResolveRequestException("Availability has no StartTime"), "StartTime");
            var end = EasDate.Parse(availability.Value(ResolveRecipients.EndTime) ?? throw new ResolveRequestException("Availability has no EndTime"), "EndTime");
            if (end <= start || (end - start) / FreeBusy.Interval > MaxIntervals)
            {
                throw new ResolveRequestException("Availability's EndTime must follow its StartTime, by at most 32768 half hours");
            }

            return (start, end);
        }
        catch (ConversionException exception)
        {
            throw new ResolveRequestException(exception.Message);
        }
    }

    private static int? Number(WbxmlElement parent, WbxmlTag tag, int min, int max) => parent.Value(tag) switch
    {
        null => null,
        var text when int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value) && value >= min && value <= max => value,
        var text => throw new ResolveRequestException($"{tag.Name} is '{text}'"),
    };
}

/// <summary>A ResolveRecipients request answered with the protocol error status 5.</summary>
internal sealed class ResolveRequestException(string reason) : Exception(reason);

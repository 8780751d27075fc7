using MimeKit;
using Passerelle.ActiveSync.Conversion;
using Passerelle.ActiveSync.Sync;
using Passerelle.ActiveSync.Wbxml;
using Passerelle.Sdk.Directory;

namespace Passerelle.ActiveSync.Commands.Lookup;

/// <summary>
/// Find (MS-ASCMD 2.2.1.2, 16.1): a mailbox search (FreeText in a collection or every folder, DeepTraversal) or a
/// GAL search (with Picture), answering the short Find properties: Subject, DateReceived, DisplayTo/Cc/Bcc,
/// Importance, Read, IsDraft, a Preview of 255 characters, HasAttachments, From. A Range must begin at 0
/// (Status 4); an unknown collection asks for a FolderSync (Status 3); a malformed request is Status 2.
/// </summary>
internal sealed class FindHandler(MailboxSearch mailbox, GalSearch gal) : ICommandHandler
{
    private const int PreviewLength = 255;

    public string Command => "Find";

    public async Task<EasResponse> HandleAsync(EasContext context, CancellationToken cancellationToken)
    {
        var execute = context.Document.Tag == Find.FindTag && context.Document.Value(Find.SearchId) is { Length: > 0 } ? context.Document.Element(Find.ExecuteSearch) : null;
        try
        {
            if (execute?.Element(Find.MailBoxSearchCriterion) is { } mailboxCriterion)
            {
                return await MailboxAsync(context, mailboxCriterion, cancellationToken);
            }

            if (execute?.Element(Find.GalSearchCriterion) is { } galCriterion)
            {
                return await GalAsync(context, galCriterion, cancellationToken);
            }
        }
        catch (SearchRequestException exception) when (exception.Status == SearchStatus.FolderSyncRequired)
        {
            return Status(FindStatus.FolderSyncRequired);
        }
        catch (Exception exception) when (exception is SearchRequestException or WbxmlException)
        {
            return Status(FindStatus.InvalidRequest);
        }

        return Status(FindStatus.InvalidRequest);
    }

    private async Task<EasResponse> MailboxAsync(EasContext context, WbxmlElement criterion, CancellationToken cancellationToken)
    {
        var query = criterion.Element(Find.Query) ?? throw new SearchRequestException(SearchStatus.InvalidRequest, "no Query");
        MailboxQueryReader.RequireEmail(query.Value(AirSync.Class));
        var text = query.Value(Find.FreeText) ?? throw new SearchRequestException(SearchStatus.InvalidRequest, "no FreeText");
        var request = MailboxQueryReader.ReadOptions(new MailboxQuery(text) { CollectionId = query.Value(AirSync.CollectionId) }, criterion.Element(Find.Options), Find.Range, Find.DeepTraversal);
        if (request.Range.Start != 0)
        {
            return Respond("Mailbox", FindStatus.RangeNotFromZero, _ => { });
        }

        request = request with { BodyPreferences = [new BodyPreference(1) { TruncationSize = 0, Preview = PreviewLength }], MimeSupport = 0 };
        var result = await mailbox.RunAsync(context, request, cancellationToken);
        return Respond("Mailbox", FindStatus.Success, writer =>
        {
            foreach (var match in result.Matches)
            {
                writer.WriteStartElement(Find.Result);
                writer.WriteElement(AirSync.Class, "Email");
                writer.WriteElement(AirSync.ServerId, match.ServerId);
                writer.WriteElement(AirSync.CollectionId, match.Folder.ServerId);
                writer.WriteStartElement(Find.Properties);
                WriteEmail(writer, match.Email);
                writer.WriteEndElement();
                writer.WriteEndElement();
            }

            WriteRangeAndTotal(writer, result.Matches.Count, result.Total);
        });
    }

    private async Task<EasResponse> GalAsync(EasContext context, WbxmlElement criterion, CancellationToken cancellationToken)
    {
        var text = criterion.Value(Find.Query) ?? throw new SearchRequestException(SearchStatus.InvalidRequest, "no Query");
        var options = criterion.Element(Find.Options);
        if (!SearchRange.TryParse(options?.Value(Find.Range), out var range))
        {
            throw new SearchRequestException(SearchStatus.InvalidRequest, "Range is not m-n");
        }

        if (range.Start != 0)
        {
            return Respond("GAL", FindStatus.RangeNotFromZero, _ => { });
        }

        var pictures = GalProperties.ReadPictureOptions(options?.Element(Find.Picture), Find.MaxSize, Find.MaxPictures);
        GalSearchResult result;
        try
        {
            result = await gal.RunAsync(context, text, range, pictures, cancellationToken);
        }
        catch (SearchRequestException)
        {
            return Status(FindStatus.InvalidRequest);
        }

        return Respond("GAL", FindStatus.Success, writer =>
        {
            foreach (var entry in result.Entries)
            {
                writer.WriteStartElement(Find.Result);
                writer.WriteStartElement(Find.Properties);
                GalProperties.Write(writer, entry, context.Version);
                writer.WriteEndElement();
                writer.WriteEndElement();
            }

            WriteRangeAndTotal(writer, result.Entries.Count, result.Total);
        });
    }

    private static void WriteEmail(WbxmlWriter writer, Conversion.Email.EmailItem email)
    {
        WriteIf(writer, Email.Subject, email.Subject);
        writer.WriteElement(Email.DateReceived, EasDate.Format(email.DateReceived));
        WriteIf(writer, Email.DisplayTo, email.DisplayTo);
        WriteIf(writer, Find.DisplayCc, DisplayNames(email.Cc));
        WriteIf(writer, Find.DisplayBcc, DisplayNames(email.Bcc));
        writer.WriteElement(Email.Importance, email.Importance);
        writer.WriteElement(Email.Read, email.Read ? 1 : 0);
        writer.WriteElement(Email2.IsDraft, email.IsDraft ? 1 : 0);
        WriteIf(writer, Find.Preview, email.Body.Preview);
        writer.WriteElement(Find.HasAttachments, email.Attachments.Count > 0 ? 1 : 0);
        WriteIf(writer, Email.From, email.From);
    }

    // MS-ASCMD 2.2.3.48: the names, separated by semicolons (the address where there is no name).
    private static string? DisplayNames(string? addresses) =>
        addresses is not null && InternetAddressList.TryParse(addresses, out var list) && list.Mailboxes.Any()
            ? string.Join("; ", list.Mailboxes.Select(m => string.IsNullOrEmpty(m.Name) ? m.Address : m.Name))
            : null;

    private static void WriteRangeAndTotal(WbxmlWriter writer, int returned, int total)
    {
        if (returned > 0)
        {
            writer.WriteElement(Find.Range, SearchRange.Format(0, returned));
        }

        writer.WriteElement(Find.Total, total);
    }

    private static void WriteIf(WbxmlWriter writer, WbxmlTag tag, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            writer.WriteElement(tag, value);
        }
    }

    private static EasResponse Respond(string store, int status, Action<WbxmlWriter> results) => EasResponse.Wbxml(writer =>
    {
        writer.WriteStartElement(Find.FindTag);
        writer.WriteElement(Find.Status, FindStatus.Success);
        writer.WriteStartElement(Find.Response);
        writer.WriteElement(ItemOperations.Store, store);
        writer.WriteElement(Find.Status, status);
        results(writer);
        writer.WriteEndElement();
        writer.WriteEndElement();
    });

    private static EasResponse Status(int status) => EasResponse.Wbxml(writer =>
    {
        writer.WriteStartElement(Find.FindTag);
        writer.WriteElement(Find.Status, status);
        writer.WriteEndElement();
    });

    private static class FindStatus
    {
        public const int Success = 1;
        public const int InvalidRequest = 2;
        public const int FolderSyncRequired = 3;
        public const int RangeNotFromZero = 4;
    }
}

using Passerelle.ActiveSync.Wbxml;
using Passerelle.Sdk.Directory;

namespace Passerelle.ActiveSync.Commands.Lookup;

/// <summary>
/// Search (MS-ASCMD 2.2.1.16) of the Mailbox store (<see cref="MailboxSearch"/>) or the GAL
/// (<see cref="GalSearch"/>). The top-level Status says only that the command was processed (1); what went wrong
/// with the query is the Store's Status. RebuildResults needs nothing: every search runs afresh.
/// </summary>
internal sealed class SearchHandler(MailboxSearch mailbox, GalSearch gal) : ICommandHandler
{
    public string Command => "Search";

    public async Task<EasResponse> HandleAsync(EasContext context, CancellationToken cancellationToken)
    {
        var request = context.Document;
        try
        {
            var store = request.Tag == Search.SearchTag ? request.Element(Search.Store) : null;
            var query = store?.Element(Search.Query) ?? throw new SearchRequestException(SearchStatus.InvalidRequest, "the request has no Store with a Query");
            var options = store.Element(Search.Options);
            var write = store.Value(Search.Name)?.ToUpperInvariant() switch
            {
                "MAILBOX" => await MailboxAsync(context, query, options, cancellationToken),
                "GAL" => await GalAsync(context, query, options, cancellationToken),
                var name => throw new SearchRequestException(SearchStatus.InvalidRequest, $"the store '{name}' is not offered"),
            };
            return Respond(SearchStatus.Success, write);
        }
        catch (SearchRequestException exception)
        {
            return Respond(exception.Status, _ => { });
        }
        catch (WbxmlException)
        {
            // a value of the wrong type (a Range limit or MIMESupport that is not a number)
            return Respond(SearchStatus.InvalidRequest, _ => { });
        }
    }

    private async Task<Action<WbxmlWriter>> MailboxAsync(EasContext context, WbxmlElement query, WbxmlElement? options, CancellationToken cancellationToken)
    {
        var mailboxQuery = MailboxQueryReader.ReadSearch(query, options);
        var result = await mailbox.RunAsync(context, mailboxQuery, cancellationToken);
        return writer =>
        {
            foreach (var match in result.Matches)
            {
                writer.WriteStartElement(Search.Result);
                writer.WriteElement(AirSync.Class, "Email");
                writer.WriteElement(Search.LongId, match.ServerId);
                writer.WriteElement(AirSync.CollectionId, match.Folder.ServerId);
                writer.WriteStartElement(Search.Properties);
                match.Email.WriteApplicationData(writer);
                writer.WriteEndElement();
                writer.WriteEndElement();
            }

            WriteRangeAndTotal(writer, mailboxQuery.Range.Start, result.Matches.Count, result.Total);
        };
    }

    private async Task<Action<WbxmlWriter>> GalAsync(EasContext context, WbxmlElement query, WbxmlElement? options, CancellationToken cancellationToken)
    {
        var text = query.Text ?? throw new SearchRequestException(SearchStatus.InvalidRequest, "a GAL query has no text");
        if (!SearchRange.TryParse(options?.Value(Search.Range), out var range))
        {
            throw new SearchRequestException(SearchStatus.InvalidRequest, "Range is not m-n");
        }

        var pictures = GalProperties.ReadPictureOptions(options?.Element(Search.Picture), Search.MaxSize, Search.MaxPictures);
        GalSearchResult result = await gal.RunAsync(context, text, range, pictures, cancellationToken);
        return writer =>
        {
            foreach (var entry in result.Entries)
            {
                writer.WriteStartElement(Search.Result);
                writer.WriteStartElement(Search.Properties);
                GalProperties.Write(writer, entry, context.Version);
                writer.WriteEndElement();
                writer.WriteEndElement();
            }

            WriteRangeAndTotal(writer, range.Start, result.Entries.Count, result.Total);
        };
    }

    // MS-ASCMD 2.2.3.155.2: no match is an empty Result; Range is the part returned, Total every match.
    private static void WriteRangeAndTotal(WbxmlWriter writer, int start, int returned, int total)
    {
        if (returned == 0)
        {
            writer.WriteEmptyElement(Search.Result);
        }
        else
        {
            writer.WriteElement(Search.Range, SearchRange.Format(start, returned));
        }

        writer.WriteElement(Search.Total, total);
    }

    private static EasResponse Respond(int storeStatus, Action<WbxmlWriter> results) => EasResponse.Wbxml(writer =>
    {
        writer.WriteStartElement(Search.SearchTag);
        writer.WriteElement(Search.Status, SearchStatus.Success);
        writer.WriteStartElement(Search.Response);
        writer.WriteStartElement(Search.Store);
        writer.WriteElement(Search.Status, storeStatus);
        results(writer);
        writer.WriteEndElement();
        writer.WriteEndElement();
        writer.WriteEndElement();
    });
}

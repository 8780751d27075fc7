using Passerelle.ActiveSync.Fetching;
using Passerelle.ActiveSync.Wbxml;

namespace Passerelle.ActiveSync.Commands;

/// <summary>
/// ItemOperations (MS-ASCMD 2.2.1.10): Fetch of items, Search results and attachments, and
/// EmptyFolderContents. Attachments stream from the store into the answer, inline as base64 or, when the
/// device accepts it, as parts of a multipart answer.
/// </summary>
internal sealed class ItemOperationsHandler(ItemFetcher fetcher, FolderEmptier emptier) : ICommandHandler
{
    // Common status 156 (MS-ASCMD 2.2.3.177.8): conversation moves are not offered.
    private const int ActionNotSupported = 156;

    public string Command => "ItemOperations";

    public async Task<EasResponse> HandleAsync(EasContext context, CancellationToken cancellationToken)
    {
        var request = context.Document;
        if (request.Tag != ItemOperations.ItemOperationsTag)
        {
            return Global(ItemOperationsStatus.ProtocolError);
        }

        var results = new List<OperationResult>();
        try
        {
            foreach (var operation in ItemOperationsRequest.Read(request))
            {
                results.Add(await RunAsync(context, operation, cancellationToken));
            }
        }
        catch
        {
            foreach (var result in results)
            {
                await result.DisposeAsync();
            }

            throw;
        }

        return new ItemOperationsResponse(results, AcceptsMultiPart(context));
    }

    private async Task<OperationResult> RunAsync(EasContext context, ItemOperation operation, CancellationToken cancellationToken)
    {
        switch (operation)
        {
            case FetchOperation fetch:
                try
                {
                    return await fetcher.FetchAsync(context, fetch, cancellationToken);
                }
                catch (Sync.InvalidSyncRequestException)
                {
                    return new FetchFailure(ItemOperationsStatus.ProtocolError, FetchTarget.Of(fetch));
                }

            case EmptyFolderOperation empty:
                return await emptier.EmptyAsync(context, empty, cancellationToken);
            case ConversationMoveOperation move:
                return new MovedConversation(ActionNotSupported, move.ConversationId);
            default:
                return new FetchFailure(ItemOperationsStatus.ProtocolError, new FetchTarget(null, null, null, null));
        }
    }

    private static bool AcceptsMultiPart(EasContext context) =>
        context.Query.AcceptMultiPart
        || context.Http.Request.Headers["MS-ASAcceptMultiPart"].ToString().Equals("T", StringComparison.OrdinalIgnoreCase);

    private static EasResponse Global(int status) => EasResponse.Wbxml(writer =>
    {
        writer.WriteStartElement(ItemOperations.ItemOperationsTag);
        writer.WriteElement(ItemOperations.Status, status);
        writer.WriteEndElement();
    });

    /// <summary>The answer, written as the results' contents are read.</summary>
    private sealed class ItemOperationsResponse(IReadOnlyList<OperationResult> results, bool multiPart) : StreamedResponse
    {
        public override string ContentType => multiPart ? DataParts.ContentType : WbxmlContentType;

        public override async Task WriteBodyAsync(Stream body, CancellationToken cancellationToken)
        {
            try
            {
                if (!multiPart)
                {
                    await using var writer = new WbxmlWriter(body);
                    await WriteDocumentAsync(writer, null, cancellationToken);
                    return;
                }

                var parts = new DataParts();
                using var document = new MemoryStream();
                await using (var writer = new WbxmlWriter(document))
                {
                    await WriteDocumentAsync(writer, parts, cancellationToken);
                }

                await parts.WriteAsync(body, document.GetBuffer().AsMemory(0, (int)document.Length), cancellationToken);
            }
            finally
            {
                foreach (var result in results)
                {
                    await result.DisposeAsync();
                }
            }
        }

        private async Task WriteDocumentAsync(WbxmlWriter writer, DataParts? parts, CancellationToken cancellationToken)
        {
            writer.WriteStartElement(ItemOperations.ItemOperationsTag);
            writer.WriteElement(ItemOperations.Status, ItemOperationsStatus.Success);
            writer.WriteStartElement(ItemOperations.Response);
            foreach (var result in results)
            {
                await result.WriteAsync(writer, parts, cancellationToken);
            }

            writer.WriteEndElement();
            writer.WriteEndElement();
        }
    }
}

using Passerelle.ActiveSync.Fetching;
using Passerelle.ActiveSync.Http;

namespace Passerelle.ActiveSync.Commands;

/// <summary>
/// GetAttachment (MS-ASCMD 2.2.1.7, 12.x only): an attachment by the FileReference in the AttachmentName
/// query parameter, answered as its own bytes with its own content type, streamed from the store.
/// </summary>
internal sealed class GetAttachmentHandler(ItemFetcher fetcher) : ICommandHandler
{
    public string Command => "GetAttachment";

    public async Task<EasResponse> HandleAsync(EasContext context, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(context.Query.AttachmentName))
        {
            throw EasHttpException.BadRequest("GetAttachment needs an AttachmentName");
        }

        var fetch = new FetchOperation("Mailbox") { FileReference = context.Query.AttachmentName };
        return await fetcher.FetchAsync(context, fetch, cancellationToken) switch
        {
            FetchedAttachment attachment => new RawAttachmentResponse(attachment),
            _ => throw new EasHttpException(Microsoft.AspNetCore.Http.StatusCodes.Status404NotFound, $"no attachment {context.Query.AttachmentName}"),
        };
    }

    private sealed class RawAttachmentResponse(FetchedAttachment attachment) : StreamedResponse
    {
        public override string ContentType => attachment.ContentType;

        public override async Task WriteBodyAsync(Stream body, CancellationToken cancellationToken)
        {
            await using (attachment)
            {
                await attachment.CopyToAsync(body, cancellationToken);
            }
        }
    }
}

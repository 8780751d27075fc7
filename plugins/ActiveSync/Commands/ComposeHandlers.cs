using Microsoft.AspNetCore.Http;
using MimeKit;
using Passerelle.ActiveSync.Http;
using Passerelle.ActiveSync.Mail;
using Passerelle.ActiveSync.Wbxml;
using Passerelle.Sdk.Errors;
using Passerelle.Sdk.Mail;

namespace Passerelle.ActiveSync.Commands;

/// <summary>
/// SendMail, SmartReply and SmartForward in both forms: 12.x posts the MIME itself with SaveInSent, ItemId,
/// CollectionId and LongId in the query; 14.0+ posts ComposeMail WBXML with ClientId, Source, ReplaceMime,
/// SaveInSentItems and the MIME.
/// </summary>
internal abstract class ComposeHandler(OutgoingMail outgoing, ItemLocator locator) : ICommandHandler
{
    public abstract string Command { get; }

    protected abstract WbxmlTag Root { get; }

    public async Task<EasResponse> HandleAsync(EasContext context, CancellationToken cancellationToken)
    {
        var request = context.Version >= ProtocolVersion.V140 && !IsMime(context) ? ReadComposeMail(context) : ReadQuery(context);
        var outcome = await SendAsync(context, request, cancellationToken);
        if (outcome == SendOutcome.Sent)
        {
            return EasResponse.Empty(); // MS-ASCMD 2.2.1.16: success is an empty answer
        }

        if (context.Version < ProtocolVersion.V140)
        {
            throw new EasHttpException(outcome == SendOutcome.InvalidMime ? StatusCodes.Status400BadRequest : StatusCodes.Status500InternalServerError, $"{Command} failed: {outcome}");
        }

        return EasResponse.Wbxml(writer =>
        {
            writer.WriteStartElement(Root);
            writer.WriteElement(ComposeMail.Status, (int)outcome);
            writer.WriteEndElement();
        });
    }

    private async Task<SendOutcome> SendAsync(EasContext context, ComposeRequest request, CancellationToken cancellationToken)
    {
        if (request.Mime.IsEmpty)
        {
            return SendOutcome.InvalidMime;
        }

        MimeMessage written;
        try
        {
            written = await MimeMessage.LoadAsync(new MemoryStream(request.Mime.ToArray()), cancellationToken);
        }
        catch (FormatException)
        {
            return SendOutcome.InvalidMime;
        }

        LocatedMessage? original = null;
        if (request.SourceItemId is { } itemId)
        {
            original = await locator.FindAsync(context, request.SourceFolderId, itemId, cancellationToken);
            if (original is null)
            {
                return SendOutcome.ItemNotFound;
            }
        }

        var message = written;
        if (original is not null && !request.ReplaceMime)
        {
            await using var stream = await original.OpenAsync(context, cancellationToken);
            message = Compose(written, await MimeMessage.LoadAsync(stream, cancellationToken));
        }

        try
        {
            return await outgoing.SendAsync(context, message, request.ClientId, request.SaveInSent, original, VerbFor(written, original), cancellationToken);
        }
        catch (MessageTooLargeException)
        {
            return SendOutcome.MessageTooLarge;
        }
        catch (InvalidItemException)
        {
            return SendOutcome.InvalidMime;
        }
    }

    protected abstract MimeMessage Compose(MimeMessage written, MimeMessage original);

    protected abstract MessageVerb? VerbFor(MimeMessage written, LocatedMessage? original);

    private static bool IsMime(EasContext context) =>
        context.Http.Request.ContentType?.Contains("rfc822", StringComparison.OrdinalIgnoreCase) == true;

    private ComposeRequest ReadComposeMail(EasContext context)
    {
        var root = context.Document;
        if (root.Tag != Root)
        {
            throw EasHttpException.BadRequest($"the root element is not {Command}");
        }

        var source = root.Element(ComposeMail.Source);
        return new ComposeRequest(
            MimeOf(root.Element(ComposeMail.Mime)),
            root.Value(ComposeMail.ClientId),
            root.Element(ComposeMail.SaveInSentItems) is not null,
            root.Element(ComposeMail.ReplaceMime) is not null,
            source?.Value(ComposeMail.FolderId),
            source?.Value(ComposeMail.ItemId) ?? source?.Value(ComposeMail.LongId));
    }

    // iOS sends the MIME as opaque data, others as a string.
    private static ReadOnlyMemory<byte> MimeOf(WbxmlElement? mime) =>
        mime?.Opaque ?? (mime?.Text is { } text ? System.Text.Encoding.UTF8.GetBytes(text) : ReadOnlyMemory<byte>.Empty);

    private static ComposeRequest ReadQuery(EasContext context) => new(
        context.Body,
        null,
        context.Query.SaveInSent,
        ReplaceMime: false,
        context.Query.CollectionId,
        context.Query.ItemId ?? context.Query.LongId);

    private sealed record ComposeRequest(ReadOnlyMemory<byte> Mime, string? ClientId, bool SaveInSent, bool ReplaceMime, string? SourceFolderId, string? SourceItemId);
}

internal sealed class SendMailHandler(OutgoingMail outgoing, ItemLocator locator) : ComposeHandler(outgoing, locator)
{
    public override string Command => "SendMail";

    protected override WbxmlTag Root => ComposeMail.SendMail;

    protected override MimeMessage Compose(MimeMessage written, MimeMessage original) => written;

    protected override MessageVerb? VerbFor(MimeMessage written, LocatedMessage? original) => null;
}

internal sealed class SmartReplyHandler(OutgoingMail outgoing, ItemLocator locator) : ComposeHandler(outgoing, locator)
{
    public override string Command => "SmartReply";

    protected override WbxmlTag Root => ComposeMail.SmartReply;

    protected override MimeMessage Compose(MimeMessage written, MimeMessage original) => ReplyComposer.Reply(written, original);

    // More recipients than the original's sender: a reply to all.
    protected override MessageVerb? VerbFor(MimeMessage written, LocatedMessage? original) =>
        written.To.Count + written.Cc.Count > 1 ? MessageVerb.ReplyToAll : MessageVerb.ReplyToSender;
}

internal sealed class SmartForwardHandler(OutgoingMail outgoing, ItemLocator locator) : ComposeHandler(outgoing, locator)
{
    public override string Command => "SmartForward";

    protected override WbxmlTag Root => ComposeMail.SmartForward;

    protected override MimeMessage Compose(MimeMessage written, MimeMessage original) => ReplyComposer.Forward(written, original);

    protected override MessageVerb? VerbFor(MimeMessage written, LocatedMessage? original) => MessageVerb.Forward;
}

using Passerelle.ActiveSync.Folders;
using Passerelle.ActiveSync.Meetings;
using Passerelle.ActiveSync.Wbxml;
using Passerelle.ActiveSync.Wbxml.CodePages;
using Passerelle.Sdk.Errors;
using Passerelle.Sdk.Groupware;

namespace Passerelle.ActiveSync.Commands;

/// <summary>MeetingResponse (MS-ASCMD 2.2.1.11): UserResponse 1 accepts, 2 tentatively accepts, 3 declines.</summary>
internal sealed class MeetingResponseHandler(FolderHierarchyBuilder hierarchy, MeetingResponder responder) : ICommandHandler
{
    public string Command => "MeetingResponse";

    public async Task<EasResponse> HandleAsync(EasContext context, CancellationToken cancellationToken)
    {
        var document = context.Document;
        if (document.Tag != MeetingResponse.MeetingResponseTag)
        {
            throw Http.EasHttpException.BadRequest("the root element is not MeetingResponse");
        }

        var folders = await hierarchy.BuildAsync(context.VirtualContext, context.Version, cancellationToken);
        var results = new List<(string RequestId, MeetingAnswer Answer)>();
        foreach (var request in document.Elements(MeetingResponse.Request))
        {
            var requestId = request.Value(MeetingResponse.RequestId) ?? "";
            results.Add((requestId, await AnswerAsync(context, request, requestId, folders, cancellationToken)));
        }

        return EasResponse.Wbxml(writer =>
        {
            writer.WriteStartElement(MeetingResponse.MeetingResponseTag);
            foreach (var (requestId, answer) in results)
            {
                writer.WriteStartElement(MeetingResponse.Result);
                writer.WriteElement(MeetingResponse.RequestId, requestId);
                writer.WriteElement(MeetingResponse.Status, answer.Status);
                if (answer.CalendarId is not null)
                {
                    writer.WriteElement(MeetingResponse.CalendarId, answer.CalendarId);
                }

                writer.WriteEndElement();
            }

            writer.WriteEndElement();
        });
    }

    private async Task<MeetingAnswer> AnswerAsync(EasContext context, WbxmlElement request, string requestId, IReadOnlyList<EasFolder> folders, CancellationToken cancellationToken)
    {
        AttendeeStatus? answer = request.Int(MeetingResponse.UserResponse) switch
        {
            1 => AttendeeStatus.Accepted,
            2 => AttendeeStatus.Tentative,
            3 => AttendeeStatus.Declined,
            _ => null,
        };
        if (answer is null || requestId.Length == 0)
        {
            return MeetingAnswer.Failed(MeetingStatusCodes.InvalidRequest);
        }

        try
        {
            var reference = new MeetingRequestRef(requestId, request.Value(MeetingResponse.CollectionId), answer.Value, request.Element(MeetingResponse.SendResponse) is not null);
            return await responder.RespondAsync(context, reference, folders, cancellationToken);
        }
        catch (Exception failure) when (failure is ItemNotFoundException or FolderNotFoundException or AccessDeniedException or InvalidItemException or Conversion.ConversionException)
        {
            return MeetingAnswer.Failed(MeetingStatusCodes.MailboxError);
        }
    }
}

using Passerelle.ActiveSync.Conversion;
using Passerelle.ActiveSync.Wbxml;
using Passerelle.Sdk.Mail;

namespace Passerelle.ActiveSync.Commands.OutOfOffice;

/// <summary>
/// The Oof part of Settings (MS-ASCMD 2.2.3.119): Get answers the state, the period and the three audiences'
/// replies in the body type asked for; Set replaces them in the store, whose local delivery honours them.
/// </summary>
internal sealed class OofSettingsPart(IEnumerable<IOutOfOfficeStore> stores)
{
    public async Task<Action<WbxmlWriter>> HandleAsync(EasContext context, WbxmlElement oof, CancellationToken cancellationToken)
    {
        if (stores.LastOrDefault() is not { } store)
        {
            return writer => Status(writer, OofStatus.DeniedByPolicy);
        }

        try
        {
            if (oof.Element(Settings.Get) is { } get)
            {
                var settings = await store.GetOutOfOfficeAsync(context.AccountId, cancellationToken);
                var html = OofRequestReader.WantsHtml(get);
                return writer => WriteGet(writer, settings, html);
            }

            if (oof.Element(Settings.Set) is { } set)
            {
                var current = await store.GetOutOfOfficeAsync(context.AccountId, cancellationToken);
                await store.SetOutOfOfficeAsync(context.AccountId, OofRequestReader.ReadSet(set, current), cancellationToken);
                return writer => Status(writer, OofStatus.Success);
            }

            return writer => Status(writer, OofStatus.ProtocolError);
        }
        catch (OofRequestException exception)
        {
            return writer => Status(writer, exception.Status);
        }
    }

    private static void WriteGet(WbxmlWriter writer, OutOfOfficeSettings settings, bool html)
    {
        writer.WriteStartElement(Settings.Oof);
        writer.WriteElement(Settings.Status, OofStatus.Success);
        writer.WriteStartElement(Settings.Get);
        writer.WriteElement(Settings.OofState, (int)settings.State);
        if (settings.State == OutOfOfficeState.Scheduled)
        {
            writer.WriteElement(Settings.StartTime, EasDate.Format(settings.Start!.Value));
            writer.WriteElement(Settings.EndTime, EasDate.Format(settings.End!.Value));
        }

        WriteMessage(writer, Settings.AppliesToInternal, settings.Internal, html);
        WriteMessage(writer, Settings.AppliesToExternalKnown, settings.ExternalKnown, html);
        WriteMessage(writer, Settings.AppliesToExternalUnknown, settings.ExternalUnknown, html);
        writer.WriteEndElement();
        writer.WriteEndElement();
    }

    private static void WriteMessage(WbxmlWriter writer, WbxmlTag audience, OutOfOfficeReply? reply, bool html)
    {
        writer.WriteStartElement(Settings.OofMessage);
        writer.WriteEmptyElement(audience);
        writer.WriteElement(Settings.Enabled, reply?.Enabled == true ? 1 : 0);
        if (reply is { Message.Length: > 0 })
        {
            var text = (reply.IsHtml, html) switch
            {
                (true, false) => HtmlToText.Convert(reply.Message),
                (false, true) => TextToHtml.Convert(reply.Message),
                _ => reply.Message,
            };
            writer.WriteElement(Settings.ReplyMessage, WbxmlText.Safe(text));
            writer.WriteElement(Settings.BodyType, html ? "HTML" : "Text");
        }

        writer.WriteEndElement();
    }

    private static void Status(WbxmlWriter writer, int status)
    {
        writer.WriteStartElement(Settings.Oof);
        writer.WriteElement(Settings.Status, status);
        writer.WriteEndElement();
    }
}

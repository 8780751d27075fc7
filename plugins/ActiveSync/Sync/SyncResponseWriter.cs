using Passerelle.ActiveSync.Wbxml;

namespace Passerelle.ActiveSync.Sync;

/// <summary>Writes a Sync response; element order as MS-ASCMD 2.2.3.29.2 gives it.</summary>
internal static class SyncResponseWriter
{
    public static void Write(WbxmlWriter writer, IReadOnlyList<CollectionResult> results)
    {
        writer.WriteStartElement(AirSync.Sync);
        writer.WriteStartElement(AirSync.Collections);
        foreach (var result in results)
        {
            WriteCollection(writer, result);
        }

        writer.WriteEndElement();
        writer.WriteEndElement();
    }

    private static void WriteCollection(WbxmlWriter writer, CollectionResult result)
    {
        writer.WriteStartElement(AirSync.Collection);
        if (result.SyncKey is { } key)
        {
            writer.WriteElement(AirSync.SyncKey, key);
        }

        writer.WriteElement(AirSync.CollectionId, result.CollectionId);
        writer.WriteElement(AirSync.Status, result.Status);
        if (result.MoreAvailable)
        {
            writer.WriteEmptyElement(AirSync.MoreAvailable);
        }

        if (result.Commands.Count > 0)
        {
            writer.WriteStartElement(AirSync.Commands);
            foreach (var command in result.Commands)
            {
                WriteCommand(writer, command);
            }

            writer.WriteEndElement();
        }

        if (result.Responses.Count > 0)
        {
            writer.WriteStartElement(AirSync.Responses);
            foreach (var response in result.Responses)
            {
                WriteResponse(writer, response);
            }

            writer.WriteEndElement();
        }

        writer.WriteEndElement();
    }

    private static void WriteCommand(WbxmlWriter writer, ServerCommand command)
    {
        writer.WriteStartElement(command.Kind switch
        {
            ServerCommandKind.Add => AirSync.Add,
            ServerCommandKind.Change => AirSync.Change,
            ServerCommandKind.Delete => AirSync.Delete,
            _ => AirSync.SoftDelete,
        });
        writer.WriteElement(AirSync.ServerId, command.ServerId);
        if (command.Write is { } write)
        {
            writer.WriteStartElement(AirSync.ApplicationData);
            write(writer);
            writer.WriteEndElement();
        }

        writer.WriteEndElement();
    }

    private static void WriteResponse(WbxmlWriter writer, ClientResponse response)
    {
        writer.WriteStartElement(response.IsFetch ? AirSync.Fetch : response.Kind switch
        {
            ServerCommandKind.Add => AirSync.Add,
            ServerCommandKind.Change => AirSync.Change,
            _ => AirSync.Delete,
        });
        if (response.ClientId is { } clientId)
        {
            writer.WriteElement(AirSync.ClientId, clientId);
        }

        if (response.ServerId is { } serverId)
        {
            writer.WriteElement(AirSync.ServerId, serverId);
        }

        writer.WriteElement(AirSync.Status, response.Status);
        if (response.Write is { } write)
        {
            writer.WriteStartElement(AirSync.ApplicationData);
            write(writer);
            writer.WriteEndElement();
        }

        writer.WriteEndElement();
    }
}

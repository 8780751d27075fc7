using System.IO.Compression;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Passerelle.ActiveSync.Commands;
using Passerelle.ActiveSync.Devices;
using Passerelle.ActiveSync.Logging;
using Passerelle.ActiveSync.Wbxml;
using Passerelle.Sdk.Accounts;
using Passerelle.Sdk.Errors;

namespace Passerelle.ActiveSync.Http;

/// <summary>
/// The HTTP side of EAS: OPTIONS, then for a POST the query, version, body and device, the access and
/// provisioning checks, the command's handler, and the answer (gzip when asked). Request-level failures
/// become an HTTP status or, from 14.0, the command's Status element; a 500 is a bug and is logged.
/// </summary>
internal sealed class EasEndpoint(
    CommandRegistry commands,
    DeviceAdmission admission,
    ProvisioningGate provisioning,
    ProtocolLog protocolLog,
    IOptionsMonitor<ActiveSyncOptions> options,
    ILogger<EasEndpoint> logger)
{
    public const string ServerVersion = "16.1";

    public IResult Options(HttpContext http)
    {
        commands.WriteCapabilities(http.Response);
        // FIELD-NOTES 24: the Nine client moves to 16.1 only when OPTIONS carries this Exchange header.
        http.Response.Headers["X-AspNet-Version"] = "4.0.30319";
        http.Response.Headers["Allow"] = "OPTIONS,POST";
        http.Response.Headers["Public"] = "OPTIONS,POST";
        return Results.Ok();
    }

    public async Task HandleAsync(HttpContext http)
    {
        EasQuery? query = null;
        ProtocolVersion version = ProtocolVersion.V141;
        var aborted = http.RequestAborted;
        try
        {
            query = EasQueryDecoder.Decode(http.Request.QueryString);
            version = ReadVersion(http, query);
            var handler = commands.Find(query.Command, version);
            var account = http.GetAccount()!;
            var body = await ReadBodyAsync(http.Request, aborted);
            var device = await admission.AdmitAsync(http, account, query, version, aborted);
            var context = new EasContext { Http = http, Account = account, Query = query, Version = version, Device = device, Body = body };
            await protocolLog.RequestAsync(context, aborted);

            if (!CommandTable.Find(query.Command)!.BeforeProvisioning)
            {
                await provisioning.CheckAsync(context, PolicyKey(http, query), aborted);
            }

            var response = await handler.HandleAsync(context, aborted);
            await WriteAsync(http, response, context, aborted);
        }
        catch (EasHttpException refusal)
        {
            await RefuseAsync(http, query, version, refusal);
        }
        catch (WbxmlException malformed)
        {
            await RefuseAsync(http, query, version, new EasHttpException(StatusCodes.Status400BadRequest, $"the WBXML body is malformed: {malformed.Message}", 102));
        }
        catch (StoreUnavailableException unavailable)
        {
            logger.LogWarning(unavailable, "{Command} for {User}: the store is unavailable", query?.Command, http.GetAccount()?.Id);
            await RefuseAsync(http, query, version, new EasHttpException(StatusCodes.Status503ServiceUnavailable, unavailable.Message, 111) { RetryAfter = unavailable.RetryAfter });
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            // the phone went away; nothing to answer
        }
        catch (Exception fault) when (fault is not OutOfMemoryException)
        {
            logger.LogError(fault, "{Command} for {User} on device {Device} failed; request {Query}", query?.Command, http.GetAccount()?.Id, query?.DeviceId, http.Request.QueryString.Value);
            if (!http.Response.HasStarted)
            {
                http.Response.StatusCode = StatusCodes.Status500InternalServerError;
            }
        }
    }

    private ProtocolVersion ReadVersion(HttpContext http, EasQuery query)
    {
        var text = query.ProtocolVersion ?? http.Request.Headers["MS-ASProtocolVersion"].ToString();
        if (!ProtocolVersion.TryParse(text, out var version))
        {
            throw EasHttpException.BadRequest(string.IsNullOrEmpty(text)
                ? "the request has no MS-ASProtocolVersion"
                : $"the protocol version {text} is not supported");
        }

        return version;
    }

    private static uint? PolicyKey(HttpContext http, EasQuery query) =>
        query.PolicyKey ?? (uint.TryParse(http.Request.Headers["X-MS-PolicyKey"].ToString(), out var key) ? key : null);

    private async Task<ReadOnlyMemory<byte>> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var limit = options.CurrentValue.MaxRequestBytes;
        if (request.ContentLength > limit)
        {
            throw new EasHttpException(StatusCodes.Status413PayloadTooLarge, "the request body is too large", 122);
        }

        var source = request.Headers.ContentEncoding.ToString().Contains("gzip", StringComparison.OrdinalIgnoreCase)
            ? new GZipStream(request.Body, CompressionMode.Decompress)
            : request.Body;
        await using (source)
        {
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            try
            {
                while ((read = await source.ReadAsync(chunk, cancellationToken)) > 0)
                {
                    if (buffer.Length + read > limit)
                    {
                        throw new EasHttpException(StatusCodes.Status413PayloadTooLarge, "the request body is too large", 122);
                    }

                    buffer.Write(chunk, 0, read);
                }
            }
            catch (InvalidDataException)
            {
                throw EasHttpException.BadRequest("the gzip request body is corrupt");
            }

            return buffer.ToArray();
        }
    }

    private async Task WriteAsync(HttpContext http, EasResponse response, EasContext context, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var contentType = await response.WriteAsync(buffer, cancellationToken);
        await protocolLog.ResponseAsync(context, response.StatusCode, buffer.GetBuffer().AsMemory(0, (int)buffer.Length), cancellationToken);
        http.Response.StatusCode = response.StatusCode;
        http.Response.Headers["MS-Server-ActiveSync"] = ServerVersion;
        http.Response.Headers.CacheControl = "private";
        if (contentType is null || buffer.Length == 0)
        {
            http.Response.ContentLength = 0;
            return;
        }

        http.Response.ContentType = contentType;
        buffer.Position = 0;
        if (http.Request.Headers.AcceptEncoding.ToString().Contains("gzip", StringComparison.OrdinalIgnoreCase) && buffer.Length > 512)
        {
            using var compressed = new MemoryStream();
            await using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
            {
                await buffer.CopyToAsync(gzip, cancellationToken);
            }

            http.Response.Headers.ContentEncoding = "gzip";
            http.Response.ContentLength = compressed.Length;
            compressed.Position = 0;
            await compressed.CopyToAsync(http.Response.Body, cancellationToken);
            return;
        }

        http.Response.ContentLength = buffer.Length;
        await buffer.CopyToAsync(http.Response.Body, cancellationToken);
    }

    private async Task RefuseAsync(HttpContext http, EasQuery? query, ProtocolVersion version, EasHttpException refusal)
    {
        if (http.Response.HasStarted)
        {
            return;
        }

        logger.LogInformation("{Command} from {User} on {Device}: {Reason}", query?.Command, http.GetAccount()?.Id, query?.DeviceId, refusal.Message);
        http.Response.Headers["MS-Server-ActiveSync"] = ServerVersion;
        if (refusal.RetryAfter is { } retryAfter)
        {
            http.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        // From 14.0 a command-level failure is the command's Status element in a 200 answer (MS-ASCMD 2.2.2);
        // requests that never reached a command (bad query, bad version) keep their HTTP status.
        if (query is not null && version >= ProtocolVersion.V140 && refusal.EasStatus is { } status
            && CommandStatusElements.For(query.Command) is { } elements)
        {
            using var body = new MemoryStream();
            var wbxml = new WbxmlWriter(body);
            wbxml.WriteStartElement(elements.Root);
            wbxml.WriteElement(elements.Status, status);
            wbxml.WriteEndElement();
            wbxml.Flush();
            http.Response.StatusCode = StatusCodes.Status200OK;
            http.Response.ContentType = EasResponse.WbxmlContentType;
            http.Response.ContentLength = body.Length;
            await http.Response.Body.WriteAsync(body.GetBuffer().AsMemory(0, (int)body.Length));
            return;
        }

        http.Response.StatusCode = refusal.HttpStatus;
        if (refusal.HttpStatus is 449 or StatusCodes.Status501NotImplemented)
        {
            commands.WriteCapabilities(http.Response);
        }
    }
}

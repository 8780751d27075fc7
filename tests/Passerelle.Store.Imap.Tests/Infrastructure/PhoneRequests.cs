using Passerelle.Testing;

namespace Passerelle.Store.Imap.Tests.Infrastructure;

/// <summary>The EAS requests the IMAP store's end-to-end tests send beyond Sync and FolderSync.</summary>
internal static class PhoneRequests
{
    public static Task<EasAnswer> PingAsync(EasPhone phone, string folderId, int heartbeatSeconds = 60) =>
        phone.Client.SendAsync("Ping", $"""
            <Ping xmlns="Ping:"><HeartbeatInterval>{heartbeatSeconds}</HeartbeatInterval>
              <Folders><Folder><Id>{folderId}</Id><Class>Email</Class></Folder></Folders></Ping>
            """);

    public static Task<EasAnswer> SendMailAsync(EasPhone phone, string clientId, string mime) =>
        phone.Client.SendAsync("SendMail", $"""
            <SendMail xmlns="ComposeMail:"><ClientId>{clientId}</ClientId><SaveInSentItems/>
              <Mime opaque="base64">{Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(mime.ReplaceLineEndings("\r\n")))}</Mime></SendMail>
            """);

    public static Task<EasAnswer> MoveAsync(EasPhone phone, string messageId, string from, string to) =>
        phone.Client.SendAsync("MoveItems", $"""
            <MoveItems xmlns="Move:"><Move><SrcMsgId>{messageId}</SrcMsgId><SrcFldId>{from}</SrcFldId><DstFldId>{to}</DstFldId></Move></MoveItems>
            """);

    /// <summary>
    /// Sends a request again while the answer is a temporary server error (503, or Status 111 "server error, retry
    /// later", MS-ASCMD 2.2.2), as a phone does; gives up at the deadline.
    /// </summary>
    public static async Task<EasAnswer> RetryWhileUnavailableAsync(Func<Task<EasAnswer>> request)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (true)
        {
            var answer = await request();
            var temporary = answer.Status == System.Net.HttpStatusCode.ServiceUnavailable || answer.Value("Status") == "111";
            if (!temporary || DateTime.UtcNow > deadline)
            {
                return answer;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }
    }
}

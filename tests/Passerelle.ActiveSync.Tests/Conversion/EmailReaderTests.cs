using Passerelle.ActiveSync.Conversion.Email;
using Passerelle.ActiveSync.Http;
using Passerelle.ActiveSync.Sync;
using Passerelle.ActiveSync.Wbxml;
using Passerelle.ActiveSync.Wbxml.CodePages;
using Passerelle.Sdk.Mail;
using static Passerelle.ActiveSync.Tests.Conversion.EmailWbxml;

namespace Passerelle.ActiveSync.Tests.Conversion;

public sealed class EmailReaderTests
{
    [Fact]
    public async Task Read_PlainMessage_WritesTheEnvelopeAsExchangeDoes()
    {
        var data = await ApplicationDataAsync(TestMessages.Plain(), Options(ProtocolVersion.V141));

        Assert.Equal("\"Bob Stone\" <bob@example.com>, carol@example.com", data.Value(Email.To));
        Assert.Equal("\"Dave, Jr.\" <dave@example.net>", data.Value(Email.Cc));
        Assert.Equal("\"Alice Martin\" <alice@example.org>", data.Value(Email.From));
        Assert.Equal("replies@example.org", data.Value(Email.ReplyTo));
        Assert.Equal("Re: Fwd: Lunch on Friday", data.Value(Email.Subject));
        Assert.Equal("2026-03-02T09:15:30.250Z", data.Value(Email.DateReceived));
        Assert.Equal("Bob Stone; carol@example.com", data.Value(Email.DisplayTo));
        Assert.Equal("Lunch on Friday", data.Value(Email.ThreadTopic));
        Assert.Equal("1", data.Value(Email.Importance));
        Assert.Equal("0", data.Value(Email.Read));
        Assert.Equal("IPM.Note", data.Value(Email.MessageClass));
        Assert.Equal("65001", data.Value(Email.InternetCPID));
        Assert.Equal("urn:content-classes:message", data.Value(Email.ContentClass));
        Assert.Equal("1", data.Value(AirSyncBase.NativeBodyType));
        Assert.Empty(data.Element(Email.Flag)!.Children);
        Assert.Null(data.Element(AirSyncBase.Attachments));
    }

    [Fact]
    public async Task Read_Version120_LeavesOutWhatCameWith14And16()
    {
        var message = Message(MessageFlags.Answered | MessageFlags.Draft) with { Keywords = ["Work"] };
        var options = Options(ProtocolVersion.V120, new BodyPreference(1) { Preview = 100 }) with { AccountAddresses = ["bob@example.com"] };

        var data = await ApplicationDataAsync(TestMessages.Plain(extraHeaders: "Sender: secretary@example.org\n"), options, message);

        Assert.All(
            new[] { Email2.ConversationId, Email2.ConversationIndex, Email.Categories, Email2.LastVerbExecuted, Email2.ReceivedAsBcc, Email2.Sender, Email2.IsDraft },
            tag => Assert.Null(data.Element(tag)));
        Assert.Null(data.Element(AirSyncBase.Body)!.Element(AirSyncBase.Preview));
        Assert.NotNull(data.Element(Email.Flag));
    }

    [Fact]
    public async Task Read_Version141_WritesConversationCategoriesVerbAndSenderButNotIsDraft()
    {
        var message = Message(MessageFlags.Answered) with { Keywords = ["Work", "Urgent"] };

        var data = await ApplicationDataAsync(TestMessages.Plain(extraHeaders: "Sender: secretary@example.org\n"), Options(ProtocolVersion.V141), message);

        Assert.Equal(16, data.Element(Email2.ConversationId)!.Opaque!.Value.Length);
        Assert.Equal(5, data.Element(Email2.ConversationIndex)!.Opaque!.Value.Length);
        Assert.Equal(["Work", "Urgent"], data.Element(Email.Categories)!.Elements(Email.Category).Select(c => c.Text));
        Assert.Equal("1", data.Value(Email2.LastVerbExecuted));
        Assert.Null(data.Element(Email2.LastVerbExecutionTime));
        Assert.Equal("secretary@example.org", data.Value(Email2.Sender));
        Assert.Null(data.Element(Email2.IsDraft));
    }

    [Fact]
    public async Task Read_Version161Draft_WritesIsDraftAndBcc()
    {
        var mime = TestMessages.Plain(extraHeaders: "Bcc: hidden@example.com\n");

        var draft = await ApplicationDataAsync(mime, Options(ProtocolVersion.V161), Message(MessageFlags.Draft));
        var received = await ApplicationDataAsync(mime, Options(ProtocolVersion.V161), Message());

        Assert.Equal("1", draft.Value(Email2.IsDraft));
        Assert.Equal("hidden@example.com", draft.Value(Email2.Bcc));
        Assert.Equal("0", received.Value(Email2.IsDraft));
        Assert.Null(received.Element(Email2.Bcc));
    }

    [Theory]
    [InlineData("Importance: high\n", "2")]
    [InlineData("Importance: Low\n", "0")]
    [InlineData("X-Priority: 1 (Highest)\n", "2")]
    [InlineData("X-Priority: 5\n", "0")]
    [InlineData("X-Priority: 3\n", "1")]
    [InlineData("Priority: urgent\n", "2")]
    [InlineData("", "1")]
    public async Task Read_ImportanceHeaders_GiveImportance(string header, string importance)
    {
        var data = await ApplicationDataAsync(TestMessages.Plain(extraHeaders: header), Options(ProtocolVersion.V141));

        Assert.Equal(importance, data.Value(Email.Importance));
    }

    [Fact]
    public async Task Read_ThreadIndex_ConversationIdIsItsGuidAndIndexItsTimes()
    {
        byte[] threadIndex = [0x01, 0xD9, 0x8C, 0x11, 0x22, 0x33, .. Enumerable.Range(1, 16).Select(i => (byte)i), 0x00, 0x00, 0x10, 0x20, 0x30];
        var header = $"Thread-Index: {Convert.ToBase64String(threadIndex)}\n";

        var data = await ApplicationDataAsync(TestMessages.Plain(extraHeaders: header), Options(ProtocolVersion.V141));

        Assert.Equal(threadIndex[6..22], data.Element(Email2.ConversationId)!.Opaque!.Value.ToArray());
        Assert.Equal([0xD9, 0x8C, 0x11, 0x22, 0x33, 0x00, 0x00, 0x10, 0x20, 0x30], data.Element(Email2.ConversationIndex)!.Opaque!.Value.ToArray());
    }

    [Fact]
    public async Task Read_ReplyAndOriginal_ShareTheConversationId()
    {
        var original = TestMessages.Plain();
        var reply = TestMessages.Raw("""
            From: bob@example.com
            To: alice@example.org
            Subject: Re: Lunch on Friday
            Message-ID: <reply-1@example.com>
            In-Reply-To: <plain-1@example.org>
            References: <plain-1@example.org>

            Yes.
            """);
        var unrelated = TestMessages.Plain(extraHeaders: "References: <other@example.org>\n");

        var ids = new List<byte[]>();
        foreach (var mime in new[] { original, reply, unrelated })
        {
            ids.Add((await ApplicationDataAsync(mime, Options(ProtocolVersion.V141))).Element(Email2.ConversationId)!.Opaque!.Value.ToArray());
        }

        Assert.Equal(ids[0], ids[1]);
        Assert.NotEqual(ids[0], ids[2]);
    }

    [Fact]
    public async Task Read_NoMessageIds_ConversationIdFromTheSubjectWithoutPrefixes()
    {
        static byte[] Mime(string subject) => TestMessages.Raw($"From: a@example.org\nSubject: {subject}\n\nText\n");

        var first = await ApplicationDataAsync(Mime("Lunch"), Options(ProtocolVersion.V141));
        var reply = await ApplicationDataAsync(Mime("RE: AW: lunch"), Options(ProtocolVersion.V141));

        Assert.Equal(first.Element(Email2.ConversationId)!.Opaque!.Value.ToArray(), reply.Element(Email2.ConversationId)!.Opaque!.Value.ToArray());
        Assert.Equal("lunch", reply.Value(Email.ThreadTopic));
    }

    [Fact]
    public async Task Read_FlaggedBitOnly_WritesAnActiveFollowUpFlag()
    {
        var data = await ApplicationDataAsync(TestMessages.Plain(), Options(ProtocolVersion.V141), Message(MessageFlags.Flagged | MessageFlags.Seen));

        var flag = data.Element(Email.Flag)!;
        Assert.Equal("2", flag.Value(Email.Status));
        Assert.Equal("for Follow Up", flag.Value(Email.FlagType));
        Assert.Equal("1", data.Value(Email.Read));
    }

    [Fact]
    public async Task Read_FollowUpDetails_WritesEveryFlagField()
    {
        var start = new DateTimeOffset(2026, 3, 3, 0, 0, 0, TimeSpan.Zero);
        var followUp = new FollowUpFlag(FollowUpStatus.Active)
        {
            FlagType = "Call back",
            StartDate = start,
            UtcStartDate = start.AddHours(-1),
            DueDate = start.AddDays(2),
            UtcDueDate = start.AddDays(2).AddHours(-1),
            ReminderSet = true,
            ReminderTime = start.AddHours(8),
            Subject = "Call Alice",
            OrdinalDate = start.AddMinutes(5),
            SubOrdinalDate = "5000000000000000000000",
        };
        var message = Message(MessageFlags.Flagged) with { FollowUp = followUp };

        var flag = (await ApplicationDataAsync(TestMessages.Plain(), Options(ProtocolVersion.V161), message)).Element(Email.Flag)!;

        Assert.Equal("2", flag.Value(Email.Status));
        Assert.Equal("Call back", flag.Value(Email.FlagType));
        Assert.Equal("2026-03-03T00:00:00.000Z", flag.Value(Tasks.StartDate));
        Assert.Equal("2026-03-02T23:00:00.000Z", flag.Value(Tasks.UtcStartDate));
        Assert.Equal("2026-03-05T00:00:00.000Z", flag.Value(Tasks.DueDate));
        Assert.Equal("2026-03-04T23:00:00.000Z", flag.Value(Tasks.UtcDueDate));
        Assert.Equal("1", flag.Value(Tasks.ReminderSet));
        Assert.Equal("2026-03-03T08:00:00.000Z", flag.Value(Tasks.ReminderTime));
        Assert.Equal("Call Alice", flag.Value(Tasks.Subject));
        Assert.Equal("2026-03-03T00:05:00.000Z", flag.Value(Tasks.OrdinalDate));
        Assert.Equal("5000000000000000000000", flag.Value(Tasks.SubOrdinalDate));
        Assert.Null(flag.Element(Email.CompleteTime));
    }

    [Fact]
    public async Task Read_CompletedFlag_WritesStatusOneAndCompletionTimes()
    {
        var done = new DateTimeOffset(2026, 3, 4, 12, 0, 0, TimeSpan.Zero);
        var message = Message() with { FollowUp = new FollowUpFlag(FollowUpStatus.Complete) { CompleteTime = done, DateCompleted = done } };

        var flag = (await ApplicationDataAsync(TestMessages.Plain(), Options(ProtocolVersion.V141), message)).Element(Email.Flag)!;

        Assert.Equal("1", flag.Value(Email.Status));
        Assert.Equal("2026-03-04T12:00:00.000Z", flag.Value(Email.CompleteTime));
        Assert.Equal("2026-03-04T12:00:00.000Z", flag.Value(Tasks.DateCompleted));
    }

    [Fact]
    public async Task Read_StoreDetailsButFlaggedBitCleared_WritesNoFlag()
    {
        var message = Message() with { FollowUp = new FollowUpFlag(FollowUpStatus.Active) { FlagType = "Stale" } };

        var flag = (await ApplicationDataAsync(TestMessages.Plain(), Options(ProtocolVersion.V141), message)).Element(Email.Flag)!;

        Assert.Empty(flag.Children);
    }

    [Theory]
    [InlineData(MessageFlags.Answered, "1")]
    [InlineData(MessageFlags.Forwarded, "3")]
    public async Task Read_AnsweredOrForwardedFlag_GivesTheLastVerb(MessageFlags flags, string verb)
    {
        var data = await ApplicationDataAsync(TestMessages.Plain(), Options(ProtocolVersion.V141), Message(flags));

        Assert.Equal(verb, data.Value(Email2.LastVerbExecuted));
    }

    [Fact]
    public async Task Read_StoreLastVerb_WritesVerbAndTime()
    {
        var message = Message(MessageFlags.Answered) with { LastVerb = new LastVerb(MessageVerb.ReplyToAll, new DateTimeOffset(2026, 3, 2, 11, 0, 0, TimeSpan.Zero)) };

        var data = await ApplicationDataAsync(TestMessages.Plain(), Options(ProtocolVersion.V141), message);

        Assert.Equal("2", data.Value(Email2.LastVerbExecuted));
        Assert.Equal("2026-03-02T11:00:00.000Z", data.Value(Email2.LastVerbExecutionTime));
    }

    [Theory]
    [InlineData("bob@example.com", "0")]
    [InlineData("DAVE@example.net", "0")]
    [InlineData("list-member@example.com", "1")]
    [InlineData("alice@example.org", "0")]
    public async Task Read_AccountAddresses_TellReceivedAsBcc(string account, string receivedAsBcc)
    {
        var options = Options(ProtocolVersion.V141) with { AccountAddresses = [account] };

        var data = await ApplicationDataAsync(TestMessages.Plain(), options);

        Assert.Equal(receivedAsBcc, data.Value(Email2.ReceivedAsBcc));
    }

    [Fact]
    public async Task Read_SenderSameAsFrom_LeavesSenderOut()
    {
        var data = await ApplicationDataAsync(TestMessages.Plain(extraHeaders: "Sender: alice@example.org\n"), Options(ProtocolVersion.V141));

        Assert.Null(data.Element(Email2.Sender));
    }

    [Fact]
    public async Task Read_SmimeSigned_IsMultipartSignedClassWithoutTheSignatureAsAttachment()
    {
        var data = await ApplicationDataAsync(TestMessages.SmimeSigned(), Options(ProtocolVersion.V141, new BodyPreference(1)));

        Assert.Equal("IPM.Note.SMIME.MultipartSigned", data.Value(Email.MessageClass));
        Assert.Equal("This is signed.", data.Element(AirSyncBase.Body)!.Value(AirSyncBase.Data));
        Assert.Null(data.Element(AirSyncBase.Attachments));
    }

    [Fact]
    public async Task Read_SmimeEnveloped_IsSmimeClass()
    {
        var data = await ApplicationDataAsync(TestMessages.SmimeEnveloped(), Options(ProtocolVersion.V141));

        Assert.Equal("IPM.Note.SMIME", data.Value(Email.MessageClass));
    }

    [Theory]
    [InlineData("REQUEST", "IPM.Schedule.Meeting.Request")]
    [InlineData("CANCEL", "IPM.Schedule.Meeting.Canceled")] // MS-ASEMAIL 2.2.2.49
    [InlineData("PUBLISH", "IPM.Note")]
    public async Task Read_CalendarPart_MeetingClassFollowsTheMethod(string method, string messageClass)
    {
        var data = await ApplicationDataAsync(TestMessages.Invitation(method), Options(ProtocolVersion.V141, new BodyPreference(2)));

        Assert.Equal(messageClass, data.Value(Email.MessageClass));
        Assert.Null(data.Element(AirSyncBase.Attachments));
    }

    [Fact]
    public void WriteFlagsChange_WritesReadFlagAndCategoriesOnly()
    {
        var message = Message(MessageFlags.Seen | MessageFlags.Flagged) with { Keywords = ["Home"] };

        var v141 = Wrap(writer => EmailReader.WriteFlagsChange(writer, message, ProtocolVersion.V141));
        var v120 = Wrap(writer => EmailReader.WriteFlagsChange(writer, Message(), ProtocolVersion.V120));
        var cleared = Wrap(writer => EmailReader.WriteFlagsChange(writer, Message(), ProtocolVersion.V141));

        Assert.Equal([Email.Read, Email.Flag, Email.Categories], v141.Children.Select(c => c.Tag));
        Assert.Equal("1", v141.Value(Email.Read));
        Assert.Equal("2", v141.Element(Email.Flag)!.Value(Email.Status));
        Assert.Equal("Home", v141.Element(Email.Categories)!.Value(Email.Category));
        Assert.Equal([Email.Read, Email.Flag], v120.Children.Select(c => c.Tag));
        Assert.Empty(cleared.Element(Email.Categories)!.Children);
    }
}

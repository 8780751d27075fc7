using Passerelle.ActiveSync.Conversion;
using Passerelle.ActiveSync.Conversion.Email;
using Passerelle.ActiveSync.Wbxml;
using Passerelle.ActiveSync.Wbxml.CodePages;
using Passerelle.Sdk.Mail;

namespace Passerelle.ActiveSync.Tests.Conversion;

public sealed class EmailChangeReaderTests
{
    private static WbxmlElement ApplicationData(string children) => WbxmlDocument.Parse(WbxmlXml.FromXml(
        $"""<ApplicationData xmlns="AirSync:" xmlns:email="Email:" xmlns:tasks="Tasks:">{children}</ApplicationData>"""));

    [Theory]
    [InlineData("1", MessageFlags.Seen, MessageFlags.None)]
    [InlineData("0", MessageFlags.None, MessageFlags.Seen)]
    public void Read_ReadElement_SetsOrClearsSeen(string read, MessageFlags add, MessageFlags remove)
    {
        var update = EmailChangeReader.Read(ApplicationData($"<email:Read>{read}</email:Read>"));

        Assert.Equal(add, update.AddFlags);
        Assert.Equal(remove, update.RemoveFlags);
        Assert.Null(update.FollowUp);
        Assert.Null(update.Keywords);
    }

    [Fact]
    public void Read_FlagWithEveryField_ReadsThemAll()
    {
        var update = EmailChangeReader.Read(ApplicationData("""
            <email:Flag>
              <email:Status>2</email:Status>
              <email:FlagType>for Follow Up</email:FlagType>
              <tasks:StartDate>2026-03-03T00:00:00.000Z</tasks:StartDate>
              <tasks:UtcStartDate>2026-03-02T23:00:00.000Z</tasks:UtcStartDate>
              <tasks:DueDate>2026-03-05T00:00:00.000Z</tasks:DueDate>
              <tasks:UtcDueDate>2026-03-04T23:00:00.000Z</tasks:UtcDueDate>
              <tasks:ReminderSet>1</tasks:ReminderSet>
              <tasks:ReminderTime>2026-03-03T08:00:00.000Z</tasks:ReminderTime>
              <tasks:Subject>Call Alice</tasks:Subject>
              <tasks:OrdinalDate>2026-03-03T00:05:00.000Z</tasks:OrdinalDate>
              <tasks:SubOrdinalDate>5000000000000000000000</tasks:SubOrdinalDate>
            </email:Flag>
            """));

        var day = new DateTimeOffset(2026, 3, 3, 0, 0, 0, TimeSpan.Zero);
        Assert.Equal(MessageFlags.Flagged, update.AddFlags);
        var flag = update.FollowUp!;
        Assert.Equal(FollowUpStatus.Active, flag.Status);
        Assert.Equal("for Follow Up", flag.FlagType);
        Assert.Equal(day, flag.StartDate);
        Assert.Equal(day.AddHours(-1), flag.UtcStartDate);
        Assert.Equal(day.AddDays(2), flag.DueDate);
        Assert.Equal(day.AddDays(2).AddHours(-1), flag.UtcDueDate);
        Assert.True(flag.ReminderSet);
        Assert.Equal(day.AddHours(8), flag.ReminderTime);
        Assert.Equal("Call Alice", flag.Subject);
        Assert.Equal(day.AddMinutes(5), flag.OrdinalDate);
        Assert.Equal("5000000000000000000000", flag.SubOrdinalDate);
    }

    [Fact]
    public void Read_CompletedFlag_ReadsCompletionTimesAndClearsFlagged()
    {
        var update = EmailChangeReader.Read(ApplicationData("""
            <email:Flag>
              <email:Status>1</email:Status>
              <email:CompleteTime>2026-03-04T12:00:00.000Z</email:CompleteTime>
              <tasks:DateCompleted>2026-03-04T12:00:00.000Z</tasks:DateCompleted>
            </email:Flag>
            """));

        Assert.Equal(FollowUpStatus.Complete, update.FollowUp!.Status);
        Assert.Equal(new DateTimeOffset(2026, 3, 4, 12, 0, 0, TimeSpan.Zero), update.FollowUp.CompleteTime);
        Assert.Equal(update.FollowUp.CompleteTime, update.FollowUp.DateCompleted);
        Assert.Equal(MessageFlags.Flagged, update.RemoveFlags);
    }

    [Fact]
    public void Read_EmptyFlag_ClearsTheFlag()
    {
        var update = EmailChangeReader.Read(ApplicationData("<email:Flag/>"));

        Assert.Equal(FollowUpStatus.Cleared, update.FollowUp!.Status);
        Assert.Equal(MessageFlags.Flagged, update.RemoveFlags);
    }

    [Fact]
    public void Read_Categories_ReplaceTheKeywords()
    {
        var update = EmailChangeReader.Read(ApplicationData("<email:Categories><email:Category>Work</email:Category><email:Category>Home</email:Category><email:Category>Work</email:Category></email:Categories>"));

        Assert.Equal(["Work", "Home"], update.Keywords);
    }

    [Fact]
    public void Read_EmptyCategories_ClearsTheKeywords()
    {
        var update = EmailChangeReader.Read(ApplicationData("<email:Categories/>"));

        Assert.Empty(update.Keywords!);
    }

    [Fact]
    public void Read_ContentElements_AreIgnored()
    {
        var update = EmailChangeReader.Read(ApplicationData("<email:Subject>Changed</email:Subject><email:Importance>2</email:Importance>"));

        Assert.Equal(new MessageUpdate(), update);
    }

    [Theory]
    [InlineData("<email:Read>yes</email:Read>")]
    [InlineData("<email:Flag><email:Status>7</email:Status></email:Flag>")]
    [InlineData("<email:Flag><email:Status>2</email:Status><tasks:DueDate>next week</tasks:DueDate></email:Flag>")]
    public void Read_InvalidValue_ThrowsConversionException(string children)
    {
        Assert.Throws<ConversionException>(() => EmailChangeReader.Read(ApplicationData(children)));
    }
}

using System.Globalization;

namespace Passerelle.ActiveSync.Tests.Lookup;

/// <summary>Messages and requests for the search tests.</summary>
internal static class SearchMessages
{
    public const string Namespaces = """xmlns="Search:" xmlns:airsync="AirSync:" xmlns:email="Email:" xmlns:airsyncbase="AirSyncBase:" """;

    public static string Message(string subject, string body, string from = "Alice Example <alice@example.test>", DateTimeOffset? date = null) => $"""
        From: {from}
        To: Bob Example <bob@example.test>
        Subject: {subject}
        Date: {(date ?? new DateTimeOffset(2026, 11, 1, 9, 0, 0, TimeSpan.Zero)).ToString("R", CultureInfo.InvariantCulture)}
        Message-ID: <{Guid.NewGuid():N}@example.test>
        MIME-Version: 1.0
        Content-Type: text/plain; charset=utf-8

        {body}
        """;

    /// <summary>A Search of the mailbox: the And's terms and the Options' content.</summary>
    public static string Mailbox(string terms, string options = "<Range>0-99</Range>") => $"""
        <Search {Namespaces}>
          <Store>
            <Name>Mailbox</Name>
            <Query><And><airsync:Class>Email</airsync:Class>{terms}</And></Query>
            <Options>{options}</Options>
          </Store>
        </Search>
        """;

    public static string Gal(string text, string options = "<Range>0-99</Range>") => $"""
        <Search {Namespaces}><Store><Name>GAL</Name><Query>{text}</Query><Options>{options}</Options></Store></Search>
        """;

    public static string Date(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}

using Passerelle.ActiveSync.Conversion;
using Passerelle.ActiveSync.Sync;
using Passerelle.ActiveSync.Wbxml;

namespace Passerelle.ActiveSync.Commands.Lookup;

/// <summary>
/// Reads the mailbox Query and Options of Search (MS-ASCMD 2.2.3.142.2, 2.2.3.125.5): an And of Class,
/// CollectionId, FreeText and GreaterThan/LessThan on DateReceived. Or, EqualTo and ConversationId are not
/// offered (Status 8); what does not follow the schema is Status 2.
/// </summary>
internal static class MailboxQueryReader
{
    /// <exception cref="SearchRequestException">The query is malformed or not offered.</exception>
    public static MailboxQuery ReadSearch(WbxmlElement query, WbxmlElement? options)
    {
        var terms = query.Element(Search.And)?.Children ?? query.Children;
        string? text = null;
        var mailbox = new MailboxQuery("");
        foreach (var term in terms)
        {
            if (term.Tag == Search.FreeText)
            {
                text = term.Text ?? "";
            }
            else if (term.Tag == AirSync.CollectionId)
            {
                mailbox = mailbox with { CollectionId = term.Text ?? "" };
            }
            else if (term.Tag == AirSync.Class)
            {
                RequireEmail(term.Text);
            }
            else if (term.Tag == Search.GreaterThan)
            {
                mailbox = mailbox with { ReceivedAfter = DateReceived(term) };
            }
            else if (term.Tag == Search.LessThan)
            {
                mailbox = mailbox with { ReceivedBefore = DateReceived(term) };
            }
            else if (term.Tag == Search.Or || term.Tag == Search.EqualTo || term.Tag == Search.ConversationId || term.Tag == Search.And)
            {
                throw new SearchRequestException(SearchStatus.TooComplex, $"{term.Name} is not offered in a mailbox search");
            }
            else
            {
                throw new SearchRequestException(SearchStatus.InvalidRequest, $"{term.Name} is not a mailbox search term");
            }
        }

        return ReadOptions(mailbox with { Text = text ?? throw new SearchRequestException(SearchStatus.InvalidRequest, "the query has no FreeText") }, options);
    }

    /// <summary>Reads what Search and Find share of Options: Range, DeepTraversal, BodyPreference, MIMESupport.</summary>
    public static MailboxQuery ReadOptions(MailboxQuery query, WbxmlElement? options, WbxmlTag? rangeTag = null, WbxmlTag? deepTag = null)
    {
        if (options is null)
        {
            return query;
        }

        if (!SearchRange.TryParse(options.Value(rangeTag ?? Search.Range), out var range))
        {
            throw new SearchRequestException(SearchStatus.InvalidRequest, $"Range '{options.Value(rangeTag ?? Search.Range)}' is not m-n");
        }

        return query with
        {
            Range = range,
            DeepTraversal = options.Element(deepTag ?? Search.DeepTraversal) is not null,
            BodyPreferences = options.Elements(AirSyncBase.BodyPreference).Select(ReadBodyPreference).ToList(),
            MimeSupport = options.Int(AirSync.MIMESupport) ?? 0,
            MimeTruncation = options.Int(AirSync.MIMETruncation),
        };
    }

    /// <summary>A Class other than Email: other classes are not searched here.</summary>
    public static void RequireEmail(string? value)
    {
        if (value is not null and not "Email")
        {
            throw new SearchRequestException(SearchStatus.TooComplex, $"a mailbox search of class {value} is not offered");
        }
    }

    private static DateTimeOffset DateReceived(WbxmlElement comparison)
    {
        if (comparison.Element(Email.DateReceived) is null || comparison.Value(Search.Value) is not { } value)
        {
            throw new SearchRequestException(SearchStatus.InvalidRequest, $"{comparison.Name} compares something other than email:DateReceived with a Value");
        }

        try
        {
            return EasDate.Parse(value, "Value");
        }
        catch (ConversionException exception)
        {
            throw new SearchRequestException(SearchStatus.InvalidRequest, exception.Message);
        }
    }

    private static BodyPreference ReadBodyPreference(WbxmlElement preference) =>
        new(preference.Int(AirSyncBase.Type) is { } type and >= 1 and <= 4 ? type : throw new SearchRequestException(SearchStatus.InvalidRequest, "a BodyPreference has no valid Type"))
        {
            TruncationSize = preference.Long(AirSyncBase.TruncationSize),
            AllOrNone = preference.Value(AirSyncBase.AllOrNone) == "1",
            Preview = preference.Int(AirSyncBase.Preview),
        };
}

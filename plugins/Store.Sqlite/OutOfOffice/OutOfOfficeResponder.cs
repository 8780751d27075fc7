using MimeKit;
using Passerelle.Sdk.Groupware;
using Passerelle.Sdk.Mail;
using Passerelle.Store.Sqlite.State;

namespace Passerelle.Store.Sqlite.OutOfOffice;

/// <summary>
/// Chooses, inside a write, which accounts reached by a delivery answer it: those out of office now with a reply
/// enabled for the sender's audience (internal: a domain of this store; external known: in the account's contacts;
/// external unknown: anyone else), and that have not answered this sender in the current period.
/// </summary>
internal static class OutOfOfficeResponder
{
    public static async Task<List<MimeMessage>> ChooseAsync(StoreWrite write, MimeMessage original, string sender, IEnumerable<string> accounts)
    {
        var replies = new List<MimeMessage>();
        if (!AutoReplyRules.MayAnswer(original))
        {
            return replies;
        }

        foreach (var account in accounts.Where(account => !account.Equals(sender, StringComparison.OrdinalIgnoreCase)))
        {
            var (settings, period) = await SqliteOutOfOfficeStore.ReadWithPeriodAsync(write, account);
            if (!settings.IsActiveAt(write.Now) || await AudienceReplyAsync(write, settings, account, sender) is not { Enabled: true } reply)
            {
                continue;
            }

            var first = await write.ExecuteAsync(
                "INSERT OR IGNORE INTO out_of_office_replies (account_id, period, sender) VALUES ($account, $period, $sender)",
                ("$account", account),
                ("$period", period),
                ("$sender", sender));
            if (first == 1)
            {
                var name = await write.ScalarAsync<string>("SELECT display_name FROM accounts WHERE id = $account", ("$account", account));
                replies.Add(AutoReplyMessage.Create(original, new MailboxAddress(name, account), sender, reply, write.Now));
            }
        }

        return replies;
    }

    private static async Task<OutOfOfficeReply?> AudienceReplyAsync(StoreWrite write, OutOfOfficeSettings settings, string account, string sender)
    {
        var domain = sender[(sender.LastIndexOf('@') + 1)..];
        if (await write.ScalarAsync<long>("SELECT count(*) FROM domains WHERE name = $domain", ("$domain", domain)) > 0)
        {
            return settings.Internal;
        }

        var known = await write.ScalarAsync<long>(
            """
            SELECT count(*) FROM gw_items i JOIN gw_folders f ON f.id = i.folder_id
            WHERE f.owner_id = $account AND f.kind = $kind
              AND EXISTS (SELECT 1 FROM json_each(i.data, '$.emails') e WHERE lower(json_extract(e.value, '$.address')) = $sender)
            """,
            ("$account", account),
            ("$kind", (int)GroupwareKind.Contacts),
            ("$sender", sender));
        return known > 0 ? settings.ExternalKnown : settings.ExternalUnknown;
    }
}

using Passerelle.ActiveSync.Http;
using Passerelle.ActiveSync.Wbxml;
using Passerelle.Sdk.Accounts;
using Passerelle.Sdk.Directory;
using Passerelle.Sdk.Errors;

namespace Passerelle.ActiveSync.Commands.Recipients;

/// <summary>
/// ResolveRecipients (MS-ASCMD 2.2.1.15) against the GAL and the user's contacts (the GAL provider's
/// <see cref="IGalProvider.ResolveAsync"/>; without one, an address is resolved through the account directory).
/// One match is resolved (1); several are ambiguous (2, or 3 when more than MaxAmbiguousRecipients, with
/// RecipientCount the number of suggestions in all); none is 4. Certificates and availability come only with a
/// resolved recipient; pictures (14.1) with every recipient listed.
/// </summary>
internal sealed class ResolveRecipientsHandler(IEnumerable<IGalProvider> providers, IEnumerable<IAccountDirectory> directories, FreeBusy freeBusy, TimeProvider time) : ICommandHandler
{
    public string Command => "ResolveRecipients";

    public async Task<EasResponse> HandleAsync(EasContext context, CancellationToken cancellationToken)
    {
        ResolveRequest request;
        try
        {
            request = ResolveRequest.Read(context.Document);
        }
        catch (ResolveRequestException)
        {
            return Respond(ResolveStatus.ProtocolError, []);
        }

        var certificates = new RecipientCertificates(request.MaxCertificates, time.GetUtcNow());
        var pictures = request.Pictures is { } options && context.Version >= ProtocolVersion.V141 ? new RecipientPictures(providers.LastOrDefault(), context.AccountId, options) : null;
        var answers = new List<Action<WbxmlWriter>>();
        try
        {
            foreach (var to in request.To)
            {
                answers.Add(await ResolveOneAsync(context, request, to, certificates, pictures, cancellationToken));
            }
        }
        catch (StoreUnavailableException)
        {
            return Respond(ResolveStatus.ServerError, []);
        }

        return Respond(ResolveStatus.Success, answers);
    }

    private async Task<Action<WbxmlWriter>> ResolveOneAsync(EasContext context, ResolveRequest request, string to, RecipientCertificates certificates, RecipientPictures? pictures, CancellationToken cancellationToken)
    {
        var matches = await MatchesAsync(context, to, cancellationToken);
        var status = matches.Count switch
        {
            0 => ResolveStatus.NoMatch,
            1 => ResolveStatus.Success,
            var count when count <= request.MaxAmbiguousRecipients => ResolveStatus.Ambiguous,
            _ => ResolveStatus.AmbiguousPartial,
        };
        var listed = status == ResolveStatus.Success ? matches : matches.Take(request.MaxAmbiguousRecipients).ToList();
        var recipients = new List<Action<WbxmlWriter>>();
        foreach (var entry in listed)
        {
            var resolved = status == ResolveStatus.Success;
            var availability = resolved && request.Availability is { } period && context.Version >= ProtocolVersion.V140
                ? await freeBusy.MergedAsync(entry.EmailAddress, period.Start, period.End, cancellationToken)
                : null;
            (int, IReadOnlyList<byte[]>)? chosen = resolved && request.CertificateRetrieval != 1 ? certificates.Select(entry.Certificates) : null;
            var picture = pictures is null ? null : await pictures.ForAsync(entry.EmailAddress, cancellationToken);
            recipients.Add(writer => RecipientWriter.Write(writer, entry, availability, chosen, picture));
        }

        return writer =>
        {
            writer.WriteStartElement(ResolveRecipients.Response);
            writer.WriteElement(ResolveRecipients.To, to);
            writer.WriteElement(ResolveRecipients.Status, status);
            writer.WriteElement(ResolveRecipients.RecipientCount, matches.Count);
            foreach (var recipient in recipients)
            {
                recipient(writer);
            }

            writer.WriteEndElement();
        };
    }

    // What the typed text stands for; an address that is an entry's own address resolves to that entry alone.
    private async Task<IReadOnlyList<GalEntry>> MatchesAsync(EasContext context, string to, CancellationToken cancellationToken)
    {
        var address = MimeKit.MailboxAddress.TryParse(to, out var mailbox) && mailbox.Address.Contains('@', StringComparison.Ordinal) ? mailbox.Address : null;
        IReadOnlyList<GalEntry> matches;
        if (providers.LastOrDefault() is { } provider)
        {
            matches = await provider.ResolveAsync(context.AccountId, to, cancellationToken);
        }
        else if (address is not null && directories.LastOrDefault() is { } directory && await directory.FindAccountAsync(address, cancellationToken) is { } account)
        {
            matches = [new GalEntry(account.DisplayName, account.Address) { Certificates = await directory.GetCertificatesAsync(account.Id, cancellationToken) }];
        }
        else
        {
            matches = [];
        }

        return matches is [var first, _, ..] && address is not null && first.EmailAddress.Equals(address, StringComparison.OrdinalIgnoreCase) ? [first] : matches;
    }

    private static EasResponse Respond(int status, IReadOnlyList<Action<WbxmlWriter>> answers) => EasResponse.Wbxml(writer =>
    {
        writer.WriteStartElement(ResolveRecipients.ResolveRecipientsTag);
        writer.WriteElement(ResolveRecipients.Status, status);
        foreach (var answer in answers)
        {
            answer(writer);
        }

        writer.WriteEndElement();
    });

    private static class ResolveStatus
    {
        public const int Success = 1;
        public const int Ambiguous = 2;
        public const int AmbiguousPartial = 3;
        public const int NoMatch = 4;
        public const int ProtocolError = 5;
        public const int ServerError = 6;
    }
}

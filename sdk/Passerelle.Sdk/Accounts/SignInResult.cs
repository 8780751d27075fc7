namespace Passerelle.Sdk.Accounts;

/// <summary>The outcome of a sign-in.</summary>
public sealed record SignInResult
{
    private SignInResult(SignInOutcome outcome, Account? account, TimeSpan retryAfter)
    {
        Outcome = outcome;
        Account = account;
        RetryAfter = retryAfter;
    }

    /// <summary>What happened.</summary>
    public SignInOutcome Outcome { get; }

    /// <summary>The signed-in account when <see cref="Outcome"/> is <see cref="SignInOutcome.Succeeded"/>.</summary>
    public Account? Account { get; }

    /// <summary>How long the client must wait when <see cref="Outcome"/> is <see cref="SignInOutcome.Throttled"/>.</summary>
    public TimeSpan RetryAfter { get; }

    /// <summary>A successful sign-in.</summary>
    /// <param name="account">The account.</param>
    /// <returns>The result.</returns>
    public static SignInResult Success(Account account) => new(SignInOutcome.Succeeded, account, TimeSpan.Zero);

    /// <summary>A failed sign-in: unknown login or wrong password, which are not told apart.</summary>
    public static SignInResult Failure { get; } = new(SignInOutcome.Failed, null, TimeSpan.Zero);

    /// <summary>A refused sign-in: too many recent failures.</summary>
    /// <param name="retryAfter">When the client may try again.</param>
    /// <returns>The result.</returns>
    public static SignInResult Throttle(TimeSpan retryAfter) => new(SignInOutcome.Throttled, null, retryAfter);
}

/// <summary>What a sign-in came to.</summary>
public enum SignInOutcome
{
    /// <summary>The credentials are right.</summary>
    Succeeded,

    /// <summary>Unknown login or wrong password.</summary>
    Failed,

    /// <summary>Refused without checking, after too many failures.</summary>
    Throttled,
}

using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Passerelle.Host.Security;
using Passerelle.Sdk.Accounts;

namespace Passerelle.Host.Tests;

public sealed class SignInServiceTests
{
    private static readonly IPAddress Attacker = IPAddress.Parse("192.0.2.66");
    private static readonly IPAddress Owner = IPAddress.Parse("198.51.100.7");

    private readonly FakeAccountDirectory _directory = new();
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-12-01T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
    private readonly SignInOptions _options = new() { FailureDelay = TimeSpan.Zero };
    private readonly SignInService _service;

    public SignInServiceTests()
    {
        _directory.Add("alice@example.test", "right");
        var monitor = new StaticOptions(_options);
        var services = new ServiceCollection().AddSingleton<IAccountDirectory>(_directory).BuildServiceProvider();
        _service = new SignInService(services, new SignInThrottle(monitor, _time), new SignInCache(monitor, _time), _time, NullLogger<SignInService>.Instance);
    }

    [Fact]
    public async Task SignIn_RightPassword_Succeeds()
    {
        var result = await SignIn("alice@example.test", "right", Owner);

        Assert.Equal(SignInOutcome.Succeeded, result.Outcome);
        Assert.Equal("alice@example.test", result.Account!.Id);
    }

    [Fact]
    public async Task SignIn_AfterFailuresFromOneAddress_RefusesThatAddressEvenWithTheRightPassword()
    {
        for (var i = 0; i < _options.MaxFailuresPerLoginAndAddress; i++)
        {
            Assert.Equal(SignInOutcome.Failed, (await SignIn("alice@example.test", "guess" + i, Attacker)).Outcome);
        }

        var fromAttacker = await SignIn("alice@example.test", "right", Attacker);
        var fromOwner = await SignIn("alice@example.test", "right", Owner);

        Assert.Equal(SignInOutcome.Throttled, fromAttacker.Outcome);
        Assert.True(fromAttacker.RetryAfter > TimeSpan.Zero);
        Assert.Equal(SignInOutcome.Succeeded, fromOwner.Outcome);
    }

    [Fact]
    public async Task SignIn_AfterTheWindowPasses_IsAllowedAgain()
    {
        for (var i = 0; i < _options.MaxFailuresPerLoginAndAddress; i++)
        {
            await SignIn("alice@example.test", "guess", Attacker);
        }

        _time.Advance(_options.Window + TimeSpan.FromSeconds(1));

        Assert.Equal(SignInOutcome.Succeeded, (await SignIn("alice@example.test", "right", Attacker)).Outcome);
    }

    [Fact]
    public async Task SignIn_UnknownAccount_IsThrottledExactlyLikeAKnownOne()
    {
        var known = new List<SignInOutcome>();
        var unknown = new List<SignInOutcome>();
        for (var i = 0; i <= _options.MaxFailuresPerLoginAndAddress; i++)
        {
            known.Add((await SignIn("alice@example.test", "guess", Attacker)).Outcome);
            unknown.Add((await SignIn("nobody@example.test", "guess", Attacker)).Outcome);
        }

        Assert.Equal(known, unknown);
        Assert.Equal(SignInOutcome.Throttled, unknown[^1]);
    }

    [Fact]
    public async Task SignIn_ManyLoginsFromOneAddress_RefusesTheAddress()
    {
        for (var i = 0; i < _options.MaxFailuresPerAddress; i++)
        {
            await SignIn($"user{i}@example.test", "guess", Attacker);
        }

        Assert.Equal(SignInOutcome.Throttled, (await SignIn("alice@example.test", "right", Attacker)).Outcome);
        Assert.Equal(SignInOutcome.Succeeded, (await SignIn("alice@example.test", "right", Owner)).Outcome);
    }

    [Fact]
    public async Task SignIn_RepeatedSuccess_ChecksThePasswordOnceWhileCached()
    {
        await SignIn("alice@example.test", "right", Owner);
        await SignIn("alice@example.test", "right", Owner);
        await SignIn("alice@example.test", "right", Owner);

        Assert.Equal(1, _directory.Authentications);
    }

    [Fact]
    public async Task SignIn_AfterPasswordChange_OldPasswordFailsAtOnceDespiteTheCache()
    {
        await SignIn("alice@example.test", "right", Owner);

        _directory.ChangePassword("alice@example.test", "new");

        Assert.Equal(SignInOutcome.Failed, (await SignIn("alice@example.test", "right", Owner)).Outcome);
        Assert.Equal(SignInOutcome.Succeeded, (await SignIn("alice@example.test", "new", Owner)).Outcome);
    }

    [Fact]
    public async Task SignIn_AfterAccountRemoval_FailsAtOnceDespiteTheCache()
    {
        await SignIn("alice@example.test", "right", Owner);

        _directory.Remove("alice@example.test");

        Assert.Equal(SignInOutcome.Failed, (await SignIn("alice@example.test", "right", Owner)).Outcome);
    }

    [Fact]
    public async Task SignIn_CacheExpires_ChecksThePasswordAgain()
    {
        await SignIn("alice@example.test", "right", Owner);

        _time.Advance(_options.CacheDuration + TimeSpan.FromSeconds(1));
        await SignIn("alice@example.test", "right", Owner);

        Assert.Equal(2, _directory.Authentications);
    }

    [Fact]
    public async Task SignIn_InUse_StaysCachedPastItsDuration()
    {
        await SignIn("alice@example.test", "right", Owner);
        for (var i = 0; i < 3; i++)
        {
            _time.Advance(_options.CacheDuration * 0.75);
            await SignIn("alice@example.test", "right", Owner);
        }

        Assert.Equal(1, _directory.Authentications);
    }

    [Fact]
    public async Task SignIn_ConcurrentRequestsWithTheSameCredentials_CheckThePasswordOnce()
    {
        _directory.Hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var requests = Enumerable.Range(0, 5).Select(_ => SignIn("alice@example.test", "right", Owner)).ToList();
        var wrong = SignIn("alice@example.test", "wrong", Owner);

        _directory.Hold.SetResult();
        var results = await Task.WhenAll(requests);

        Assert.All(results, result => Assert.Equal(SignInOutcome.Succeeded, result.Outcome));
        Assert.Equal(SignInOutcome.Failed, (await wrong).Outcome);
        Assert.Equal(2, _directory.Authentications);
    }

    [Fact]
    public async Task SignIn_RepeatedFailures_AreSlowedDown()
    {
        _options.FailureDelay = TimeSpan.FromSeconds(1);
        await SignIn("alice@example.test", "guess", Attacker);
        await SignIn("alice@example.test", "guess", Attacker);

        var third = SignIn("alice@example.test", "guess", Attacker);

        Assert.False(third.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(SignInOutcome.Failed, (await third).Outcome);
    }

    [Theory]
    [InlineData("alice@example.test", "alice@example.test")]
    [InlineData(" Alice@Example.TEST ", "alice@example.test")]
    [InlineData(@"example.test\alice", "alice@example.test")]
    [InlineData(@"EXAMPLE\alice", "alice")]
    [InlineData(@"EXAMPLE\alice@example.test", "alice@example.test")]
    public void Normalize_LoginForms_GiveTheDirectoryForm(string login, string expected) =>
        Assert.Equal(expected, LoginName.Normalize(login));

    private Task<SignInResult> SignIn(string login, string password, IPAddress address) =>
        _service.SignInAsync(login, password, address, CancellationToken.None).AsTask();

    private sealed class StaticOptions(SignInOptions value) : IOptionsMonitor<SignInOptions>
    {
        public SignInOptions CurrentValue => value;

        public SignInOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<SignInOptions, string?> listener) => null;
    }
}

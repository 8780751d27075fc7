using System.CommandLine;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Passerelle.GroupwareAsMail.State;
using Passerelle.GroupwareAsMail.Switch;
using Passerelle.Sdk.Accounts;
using Passerelle.Sdk.Devices;
using Passerelle.Sdk.Plugins;

namespace Passerelle.GroupwareAsMail.Cli;

/// <summary>
/// <c>passerelle gwmail on|off|auto --user EMAIL [--device DEVICEID]</c> sets the switch at the user or the
/// device level (<c>auto</c> returns the level to inheriting); <c>passerelle gwmail show --user EMAIL
/// [--device DEVICEID] [--json]</c> prints the value in force and where it comes from. Bad input is one
/// line on stderr and a non-zero exit, with nothing changed.
/// </summary>
internal static class GwmailCommand
{
    public static Command Create(CliContext context)
    {
        var mode = new Argument<string>("MODE") { Description = "on, off or auto to set the switch; show to print it" };
        var user = new Option<string>("--user") { Description = "The account", HelpName = "EMAIL", Required = true };
        var device = new Option<string?>("--device") { Description = "One device of the account (its DeviceId) rather than the account", HelpName = "DEVICEID" };
        var json = new Option<bool>("--json") { Description = "With show: print JSON" };
        var command = new Command("gwmail", "Show notes, tasks and files as read-only mail folders: on, off or auto, per user or per device");
        command.Arguments.Add(mode);
        command.Options.Add(user);
        command.Options.Add(device);
        command.Options.Add(json);
        command.SetAction(async (result, cancellationToken) =>
        {
            var verb = result.GetValue(mode)!.Trim().ToLowerInvariant();
            var account = await FindAccountAsync(context, result.GetValue(user)!, cancellationToken);
            var known = result.GetValue(device) is { } deviceId ? await FindDeviceAsync(context, account, deviceId, cancellationToken) : null;
            if (verb == "show")
            {
                await ShowAsync(context, account, known, result.GetValue(json), cancellationToken);
                return 0;
            }

            if (!SwitchModes.TryParse(verb, out var chosen))
            {
                throw new CliException($"'{verb}' is not on, off, auto or show");
            }

            if (result.GetValue(json))
            {
                throw new CliException("--json goes with show");
            }

            await SetAsync(context, account, known, chosen, cancellationToken);
            return 0;
        });
        return command;
    }

    private static async Task SetAsync(CliContext context, Account account, KnownDevice? device, SwitchMode mode, CancellationToken cancellationToken)
    {
        var switches = context.Services.GetRequiredService<GroupwareMailSwitch>();
        if (device is null)
        {
            await context.Services.GetRequiredService<UserSwitchStore>().SetAsync(account.Id, mode, cancellationToken);
            await context.Output.WriteLineAsync(mode == SwitchMode.Auto ? $"{account.Address}: inherits the default" : $"{account.Address}: {mode.Name()}");
            return;
        }

        await switches.SetDeviceAsync(account.Id, device.DeviceId, mode, cancellationToken);
        await context.Output.WriteLineAsync(mode == SwitchMode.Auto
            ? $"{account.Address} device {device.DeviceId}: inherits from the user"
            : $"{account.Address} device {device.DeviceId}: {mode.Name()}");
    }

    private static async Task ShowAsync(CliContext context, Account account, KnownDevice? device, bool json, CancellationToken cancellationToken)
    {
        var switches = context.Services.GetRequiredService<GroupwareMailSwitch>();
        var value = device is null
            ? await switches.ForUserAsync(account.Id, cancellationToken)
            : await switches.ForDeviceAsync(account.Id, device.DeviceId, device.DeviceType, device.ProtocolVersion, cancellationToken);
        if (json)
        {
            var shape = new Dictionary<string, object> { ["mode"] = value.Mode.Name() };
            if (value.Effective is { } effective)
            {
                shape["effective"] = effective;
            }

            shape["from"] = value.FromName;
            await context.Output.WriteLineAsync(JsonSerializer.Serialize(shape));
            return;
        }

        await context.Output.WriteLineAsync($"mode: {value.Mode.Name()} (from {value.FromName})");
        if (value.Effective is { } shown)
        {
            await context.Output.WriteLineAsync($"effective: {(shown ? "on" : "off")} for {device!.DeviceType} {device.DeviceId} speaking {device.ProtocolVersion}");
        }
    }

    private static async Task<Account> FindAccountAsync(CliContext context, string address, CancellationToken cancellationToken) =>
        context.Services.GetServices<IAccountDirectory>().LastOrDefault() is { } directory && await directory.FindAccountAsync(address.Trim(), cancellationToken) is { } account
            ? account
            : throw new CliException($"no account {address}");

    private static async Task<KnownDevice> FindDeviceAsync(CliContext context, Account account, string deviceId, CancellationToken cancellationToken)
    {
        var settings = context.Services.GetServices<IDeviceSettings>().LastOrDefault()
            ?? throw new CliException("devices are not known here: the ActiveSync plugin is off");
        return await settings.FindDeviceAsync(account.Id, deviceId.Trim(), cancellationToken)
            ?? throw new CliException($"{account.Address} has no device {deviceId}");
    }
}

using System.Security.Cryptography;
using System.Text;
using Passerelle.ActiveSync.Http;
using Passerelle.ActiveSync.Wbxml;

namespace Passerelle.ActiveSync.Policies;

/// <summary>The policy a device must apply: a value for every setting, written as EASProvisionDoc.</summary>
/// <param name="Values">Setting name to value, for every setting of <see cref="PolicyCatalog"/>.</param>
internal sealed record EasPolicy(IReadOnlyDictionary<string, string> Values)
{
    public static EasPolicy Default { get; } = new(PolicyCatalog.Defaults);

    public string this[string name] => Values.TryGetValue(name, out var value) ? value : PolicyCatalog.Defaults[name];

    /// <summary>Whether a device that never provisioned may sync all the same.</summary>
    public bool AllowsNonProvisionableDevices => this[PolicyCatalog.AllowNonProvisionableDevices] == "1";

    /// <summary>How long an acknowledged policy holds before the device must fetch it again, or null for ever.</summary>
    public TimeSpan? RefreshInterval =>
        int.TryParse(this[PolicyCatalog.DevicePolicyRefreshInterval], System.Globalization.CultureInfo.InvariantCulture, out var hours) && hours > 0
            ? TimeSpan.FromHours(hours)
            : null;

    /// <summary>The settings the version can carry: 12.0 knows only the first thirteen.</summary>
    public IEnumerable<(PolicySetting Setting, string Value)> For(ProtocolVersion version) =>
        PolicyCatalog.All.Where(s => s.Since <= version).Select(s => (s, this[s.Name]));

    /// <summary>
    /// Identifies the policy as sent for a version, so that a device is asked to provision again only when
    /// what it would receive changes (FIELD-NOTES 7: hashing unsent settings made Outlook on 12.x loop).
    /// </summary>
    public string Hash(ProtocolVersion version)
    {
        var text = string.Join('\n', For(version).Select(pair => $"{pair.Setting.Name}={pair.Value}"));
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
    }

    /// <summary>Writes the EASProvisionDoc element (MS-ASPROV 2.2.2.27).</summary>
    public void Write(WbxmlWriter writer, ProtocolVersion version)
    {
        writer.WriteStartElement(Provision.EASProvisionDoc);
        foreach (var (setting, value) in For(version))
        {
            if (setting.Type == PolicyValueType.List)
            {
                WriteList(writer, setting, value);
            }
            else if (value.Length == 0)
            {
                writer.WriteEmptyElement(setting.Tag);
            }
            else
            {
                writer.WriteElement(setting.Tag, value);
            }
        }

        writer.WriteEndElement();
    }

    private static void WriteList(WbxmlWriter writer, PolicySetting setting, string value)
    {
        var child = setting.Name == "ApprovedApplicationList" ? Provision.Hash : Provision.ApplicationName;
        var entries = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (entries.Length == 0)
        {
            writer.WriteEmptyElement(setting.Tag);
            return;
        }

        writer.WriteStartElement(setting.Tag);
        foreach (var entry in entries)
        {
            writer.WriteElement(child, entry);
        }

        writer.WriteEndElement();
    }
}

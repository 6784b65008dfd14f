using System.Text.RegularExpressions;
using System.Xml.Linq;
using Duban.IntegrationTests.Infrastructure;

namespace Duban.IntegrationTests.Contract;

/// <summary>Every text the screens use exists in Chinese and in English.</summary>
public sealed partial class ResourceTests
{
    private static readonly string Resources = Path.Combine(Repo.Root, "src", "Duban.Web", "Resources");

    private static Dictionary<string, string> Load(string file) =>
        XDocument.Load(Path.Combine(Resources, file)).Root!.Elements("data")
            .ToDictionary(e => e.Attribute("name")!.Value, e => e.Element("value")!.Value, StringComparer.Ordinal);

    [Fact]
    public void Chinese_and_English_have_the_same_keys_and_no_empty_text()
    {
        var zh = Load("SharedResource.resx");
        var en = Load("SharedResource.en.resx");
        Assert.Empty(zh.Keys.Except(en.Keys));
        Assert.Empty(en.Keys.Except(zh.Keys));
        Assert.All(zh.Concat(en), kv => Assert.False(string.IsNullOrWhiteSpace(kv.Value), kv.Key + " is empty"));
    }

    [Fact]
    public void Every_key_the_code_names_exists()
    {
        var zh = Load("SharedResource.resx");
        var web = Path.Combine(Repo.Root, "src", "Duban.Web");
        var missing = Directory.EnumerateFiles(web, "*.*", SearchOption.AllDirectories)
            .Where(f => (f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal)) && !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal))
            .SelectMany(f => KeyUse().Matches(File.ReadAllText(f)).Select(m => (File: Path.GetFileName(f), Key: m.Groups[1].Value)))
            .Where(u => !zh.ContainsKey(u.Key))
            .Select(u => $"{u.File}: {u.Key}")
            .Distinct()
            .ToList();
        Assert.True(missing.Count == 0, "Keys used but not defined: " + string.Join(", ", missing));
    }

    [Fact]
    public void Every_enum_value_shown_on_screen_has_a_label()
    {
        var zh = Load("SharedResource.resx");
        foreach (var kind in Enum.GetNames<Duban.Domain.Organisation.UnitKind>())
        {
            Assert.True(zh.ContainsKey("UnitKind." + kind), "UnitKind." + kind);
        }

        foreach (var role in Duban.Domain.Access.Roles.All)
        {
            Assert.True(zh.ContainsKey("Role." + role), "Role." + role);
        }

        // A refusal says who may do it.
        foreach (var permission in Enum.GetNames<Duban.Domain.Access.Permission>())
        {
            Assert.True(zh.ContainsKey("Permission." + permission), "Permission." + permission);
        }
    }

    [GeneratedRegex("""\b[lL]\["([A-Za-z0-9_.]+)"[\],]""")]
    private static partial Regex KeyUse();
}

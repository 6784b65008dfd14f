using Duban.Sheets.Ledgers;

namespace Duban.Web.Features.LedgerFiles;

/// <summary>A unit as the matcher sees it.</summary>
public sealed record UnitEntry(int Id, string Name, string? ShortName, string Path, int? ParentId);

/// <summary>A person as the matcher sees them.</summary>
public sealed record PersonEntry(int Id, string Name, bool IsLeader, int UnitId);

/// <summary>What a name in the file was matched to: one unit, several (ambiguous), or none.</summary>
public sealed record UnitMatch(string Text, UnitEntry? Unit, IReadOnlyList<UnitEntry> Candidates);

/// <summary>
/// Matches the names a ledger writes to the region's units and people. A unit matches by its full or short name,
/// or as an abbreviation the way offices shorten names: 县发改局 ≈ 县发展和改革局 (every character of the
/// abbreviation in order, the same first and last character, after the county/city prefix).
/// </summary>
public sealed class NameDirectory(IReadOnlyList<UnitEntry> units, IReadOnlyList<PersonEntry> people)
{
    private readonly Dictionary<string, UnitMatch> unitCache = new(StringComparer.Ordinal);
    private readonly ILookup<string, PersonEntry> peopleByName = people.ToLookup(p => HeaderText.Canonical(p.Name), StringComparer.Ordinal);
    private readonly List<(UnitEntry Unit, string Key)> keys = units.Select(u => (u, Key(u.Name))).ToList();
    private readonly ILookup<string, UnitEntry> byName = units.SelectMany(u => new[] { (Name: HeaderText.Canonical(u.Name), Unit: u) }.Concat(u.ShortName is null ? [] : [(HeaderText.Canonical(u.ShortName), u)]))
        .ToLookup(x => x.Name, x => x.Unit, StringComparer.Ordinal);

    public IReadOnlyList<UnitEntry> Units => units;

    /// <summary>A town, township or street by its name (…镇, …乡, …街道).</summary>
    public static bool IsTownName(string name) => name.EndsWith('镇') || name.EndsWith('乡') || name.EndsWith("街道", StringComparison.Ordinal);

    public UnitMatch MatchUnit(string text)
    {
        var canonical = HeaderText.Canonical(text);
        if (unitCache.TryGetValue(canonical, out var cached))
        {
            return cached;
        }

        var exact = byName[canonical].Distinct().ToList();
        if (exact.Count == 0)
        {
            var key = Key(canonical);
            exact = keys.Where(k => k.Key == key).Select(k => k.Unit).ToList();
            if (exact.Count == 0 && key.Length >= 2)
            {
                exact = keys.Where(k => IsAbbreviation(key, k.Key)).Select(k => k.Unit).ToList();
                if (exact.Count > 1)
                {
                    // The tightest expansion wins when it is clearly the one meant: 县发改局 prefers 县发展和改革局 over a longer name.
                    var shortest = exact.Min(u => Key(u.Name).Length);
                    var tight = exact.Where(u => Key(u.Name).Length == shortest).ToList();
                    exact = tight.Count == 1 && exact.Count(u => Key(u.Name).Length <= shortest + 2) == 1 ? tight : exact;
                }
            }
        }

        var match = new UnitMatch(text, exact.Count == 1 ? exact[0] : null, exact.Count > 1 ? exact : []);
        unitCache[canonical] = match;
        return match;
    }

    /// <summary>A person by name; a leader is preferred for the leader column. Null when none or several fit.</summary>
    public (PersonEntry? Person, int Count) MatchPerson(string name, bool wantLeader)
    {
        var found = peopleByName[HeaderText.Canonical(name)].ToList();
        if (found.Count > 1 && wantLeader)
        {
            var leaders = found.Where(p => p.IsLeader).ToList();
            if (leaders.Count == 1)
            {
                return (leaders[0], 1);
            }
        }

        return (found.Count == 1 ? found[0] : null, found.Count);
    }

    private static string Key(string name)
    {
        var text = HeaderText.Canonical(name);
        var paren = text.IndexOf('（', StringComparison.Ordinal);
        if (paren > 0)
        {
            text = text[..paren];
        }

        // "XX县发展和改革局", "县发展和改革局" and "发展和改革局" are one unit inside one county.
        var prefix = text.IndexOfAny(['县', '市', '区']);
        return prefix >= 0 && prefix <= 4 && text.Length - prefix > 3 ? text[(prefix + 1)..] : text;
    }

    private static bool IsAbbreviation(string shortKey, string longKey)
    {
        if (shortKey.Length >= longKey.Length || shortKey[0] != longKey[0] || shortKey[^1] != longKey[^1])
        {
            return false;
        }

        var j = 0;
        foreach (var c in longKey)
        {
            if (j < shortKey.Length && c == shortKey[j])
            {
                j++;
            }
        }

        return j == shortKey.Length;
    }
}

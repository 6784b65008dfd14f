using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Duban.Sheets.Ledgers;

/// <summary>The period a header names ("2026年计划投资", "1-10月完成投资", "截至10月底累计完成投资").</summary>
public readonly record struct HeaderPeriod(int? Year, int? ToMonth);

/// <summary>Header texts as offices write them: with line breaks, units in brackets and periods that shift each month.</summary>
public static partial class HeaderText
{
    /// <summary>
    /// The header without spaces, line breaks, marks, units in brackets and the period it names, so that
    /// "1-10月\n完成投资（万元）" and next month's "1-11月完成投资" read the same: "完成投资".
    /// </summary>
    public static string Normalize(string? header)
    {
        if (string.IsNullOrWhiteSpace(header))
        {
            return string.Empty;
        }

        var text = Canonical(header);
        text = UnitInBrackets().Replace(text, string.Empty);
        text = PeriodPrefix().Replace(text, string.Empty);
        return text.Trim('*', '★', '※', ':', '：');
    }

    /// <summary>Full-width letters and digits to ASCII, brackets to Chinese ones, no whitespace.</summary>
    public static string Canonical(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormKC))
        {
            if (char.IsWhiteSpace(c) || c == '\u3000')
            {
                continue;
            }

            builder.Append(c switch
            {
                '(' => '（',
                ')' => '）',
                '~' or '—' or '－' or '–' or '〜' => '-',
                _ => char.ToLowerInvariant(c),
            });
        }

        return builder.ToString();
    }

    /// <summary>The amount unit a header states ("总投资（亿元）"), or null.</summary>
    public static string? AmountUnit(string? header)
    {
        if (header is null)
        {
            return null;
        }

        var m = UnitMention().Match(Canonical(header));
        return m.Success ? m.Groups["unit"].Value : null;
    }

    public static HeaderPeriod Period(string? header)
    {
        if (header is null)
        {
            return default;
        }

        var text = Canonical(header);
        int? year = YearMention().Match(text) is { Success: true } y ? int.Parse(y.Groups["year"].Value, CultureInfo.InvariantCulture) : null;
        int? month = null;
        if (MonthRange().Match(text) is { Success: true } range)
        {
            month = int.Parse(range.Groups["to"].Value, CultureInfo.InvariantCulture);
        }
        else if (UpToMonth().Match(text) is { Success: true } upTo)
        {
            month = int.Parse(upTo.Groups["to"].Value, CultureInfo.InvariantCulture);
        }

        return new HeaderPeriod(year, month is >= 1 and <= 12 ? month : null);
    }

    [GeneratedRegex(@"（[^（）]*(万元|亿元|元|%|万|亿|个|㎡|平方米|公里|人)[^（）]*）")]
    private static partial Regex UnitInBrackets();

    // "截至…" first: the other alternative also matches the empty string, and the first alternative that matches wins.
    [GeneratedRegex(@"^(截至|截止|截止到|至)(\d{4}年)?\d{1,2}月(底|末)?(止)?(累计)?|^((\d{4})年?(度)?)?((\d{1,2})(-|至|到)?)?(\d{1,2})?月?(份|底|末)?(止)?(累计)?")]
    private static partial Regex PeriodPrefix();

    [GeneratedRegex(@"(?<unit>万元|亿元|元)")]
    private static partial Regex UnitMention();

    [GeneratedRegex(@"(?<year>20\d{2})年")]
    private static partial Regex YearMention();

    [GeneratedRegex(@"(?<from>\d{1,2})(-|至|到)(?<to>\d{1,2})月")]
    private static partial Regex MonthRange();

    [GeneratedRegex(@"(截至|截止|截止到|至)(20\d{2}年)?(?<to>\d{1,2})月")]
    private static partial Regex UpToMonth();
}

using System.Globalization;
using System.Text.RegularExpressions;

namespace Duban.Sheets.Ledgers;

/// <summary>Why a value was not taken as it stands. The Web layer words each code in the user's language.</summary>
public static class IssueCodes
{
    public const string Required = "required";
    public const string NotANumber = "notANumber";
    public const string Negative = "negative";
    public const string DateUnreadable = "dateUnreadable";
    public const string DateAmbiguous = "dateAmbiguous";
    public const string DateRelative = "dateRelative";
    public const string DateYearAssumed = "dateYearAssumed";
    public const string StageUnknown = "stageUnknown";
    public const string NatureUnknown = "natureUnknown";
    public const string YearsUnreadable = "yearsUnreadable";
    public const string CoordinatesUnreadable = "coordinatesUnreadable";
    public const string MilestoneUnreadable = "milestoneUnreadable";
    public const string TooLong = "tooLong";
    public const string DuplicateInFile = "duplicateInFile";
    public const string DuplicateStored = "duplicateStored";
    public const string UnitAssumed = "unitAssumed";
    public const string UnitUnknown = "unitUnknown";
    public const string UnitAmbiguous = "unitAmbiguous";
    public const string UnitCreated = "unitCreated";
    public const string PersonUnknown = "personUnknown";
    public const string PersonCreated = "personCreated";
    public const string NoHeader = "noHeader";
    public const string NoRows = "noRows";
    public const string NameMissingColumn = "nameColumnMissing";
    public const string ColumnRepeated = "columnRepeated";
    public const string TotalMismatch = "totalMismatch";
    public const string AmountTextUnit = "amountTextUnit";
    public const string InvestmentBelowStored = "investmentBelowStored";
    public const string Stored = "stored";
}

public enum Severity
{
    Error,
    Warning,
}

/// <summary>One thing wrong or doubtful in the file, at a sheet, row and column.</summary>
public sealed record LedgerIssue(string Sheet, int Row, string? Column, Severity Severity, string Code, IReadOnlyList<string> Args);

/// <summary>A value read from a cell, or why it could not be.</summary>
public readonly record struct Read<T>(T? Value, string? Code = null, Severity Severity = Severity.Error, string? Arg = null)
{
    public bool Failed => Code is not null && Severity == Severity.Error;

    public static Read<T> Ok(T? value) => new(value);
}

/// <summary>Dates, amounts, stages and lists as people write them in a ledger.</summary>
public static partial class Values
{
    private static readonly DateOnly ExcelEpoch = new(1899, 12, 30);

    /// <summary>Text of a cell, without the apostrophe an export puts before = + - @.</summary>
    public static string? Text(SheetCell? cell)
    {
        if (cell is null || cell.IsBlank)
        {
            return null;
        }

        var text = cell.Text.Trim();
        if (text.Length > 1 && text[0] == '\'' && text[1] is '=' or '+' or '-' or '@')
        {
            text = text[1..];
        }

        return text is "-" or "—" or "/" or "无" or "——" or "－" ? null : text;
    }

    /// <summary>
    /// An amount converted to 万元 from the unit in force (factor: 亿元 10000, 万元 1, 元 0.0001). Text such as
    /// "约2.1" is refused, not guessed; "1.2亿" in a 万元 column is converted with a warning.
    /// </summary>
    public static Read<decimal?> Amount(SheetCell? cell, decimal factor)
    {
        if (cell is null || cell.IsBlank)
        {
            return Read<decimal?>.Ok(null);
        }

        decimal value;
        if (cell.Number is { } n)
        {
            value = (decimal)n;
        }
        else
        {
            var text = Text(cell);
            if (text is null)
            {
                return Read<decimal?>.Ok(null);
            }

            var canonical = HeaderText.Canonical(text).Replace(",", string.Empty, StringComparison.Ordinal);
            var m = AmountWithUnit().Match(canonical);
            if (!m.Success)
            {
                return new(null, IssueCodes.NotANumber, Severity.Error, text);
            }

            value = decimal.Parse(m.Groups["n"].Value, NumberStyles.Float, CultureInfo.InvariantCulture);
            if (m.Groups["u"].Success && m.Groups["u"].Value.Length > 0)
            {
                var own = m.Groups["u"].Value switch
                {
                    "亿" or "亿元" => 10_000m,
                    "元" => 0.0001m,
                    _ => 1m,
                };
                value = decimal.Round(value * own, 4);
                if (value < 0)
                {
                    return new(null, IssueCodes.Negative, Severity.Error, text);
                }

                return new(value, IssueCodes.AmountTextUnit, Severity.Warning, text);
            }
        }

        if (value < 0)
        {
            return new(null, IssueCodes.Negative, Severity.Error, cell.Text);
        }

        return Read<decimal?>.Ok(decimal.Round(value * factor, 4));
    }

    /// <summary>A plain number (a percentage, a count); text is refused.</summary>
    public static Read<decimal?> Number(SheetCell? cell)
    {
        if (cell?.Number is { } n)
        {
            return Read<decimal?>.Ok((decimal)n);
        }

        var text = Text(cell);
        if (text is null)
        {
            return Read<decimal?>.Ok(null);
        }

        return decimal.TryParse(HeaderText.Canonical(text).TrimEnd('%'), NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? Read<decimal?>.Ok(value)
            : new(null, IssueCodes.NotANumber, Severity.Error, text);
    }

    /// <summary>
    /// A deadline as people write it: an Excel date, 2026-06-30, 2026/6/30, 2026.6.30, 2026年6月30日, 2026年6月,
    /// 2026.3, 6月底前, 12月底, 6月30日前, 年底, 上半年, 三季度末, 10月中旬. A month without a day means its last
    /// day; without a year, the ledger's year (with a warning). A number such as 2027.1 may be 2027.10 that Excel
    /// shortened, so it is refused; "一周内" and the like need a person.
    /// </summary>
    public static Read<DateOnly?> Date(SheetCell? cell, int ledgerYear)
    {
        if (cell is null || cell.IsBlank)
        {
            return Read<DateOnly?>.Ok(null);
        }

        if (cell.Number is { } n)
        {
            if (cell.IsDate || (n >= 20_000 && n <= 80_000 && n == Math.Floor(n)))
            {
                return n is >= 1 and < 2_958_466
                    ? Read<DateOnly?>.Ok(ExcelEpoch.AddDays((int)Math.Floor(n)))
                    : new(null, IssueCodes.DateUnreadable, Severity.Error, cell.Text);
            }

            // A number like 2026.3: year.month. One decimal digit of 1 may be a month 10 that Excel shortened.
            var text = n.ToString("0.##", CultureInfo.InvariantCulture);
            if (YearDotMonthNumber().Match(text) is { Success: true } ym)
            {
                var year = int.Parse(ym.Groups["y"].Value, CultureInfo.InvariantCulture);
                var month = int.Parse(ym.Groups["m"].Value, CultureInfo.InvariantCulture);
                if (ym.Groups["m"].Value == "1")
                {
                    return new(null, IssueCodes.DateAmbiguous, Severity.Error, text);
                }

                return month is >= 1 and <= 12 ? Read<DateOnly?>.Ok(EndOfMonth(year, month)) : new(null, IssueCodes.DateUnreadable, Severity.Error, text);
            }

            return new(null, IssueCodes.DateUnreadable, Severity.Error, text);
        }

        return DateText(Text(cell), ledgerYear);
    }

    public static Read<DateOnly?> DateText(string? raw, int ledgerYear)
    {
        if (raw is null)
        {
            return Read<DateOnly?>.Ok(null);
        }

        var text = HeaderText.Canonical(raw).TrimEnd('。', '.', '；', ';');
        text = Suffix().Replace(text, string.Empty);
        if (Relative().IsMatch(text))
        {
            return new(null, IssueCodes.DateRelative, Severity.Error, raw);
        }

        if (FullDate().Match(text) is { Success: true } full)
        {
            return Make(Int(full, "y"), Int(full, "m"), Int(full, "d"), raw, assumed: false);
        }

        if (YearMonth().Match(text) is { Success: true } ym)
        {
            var part = ym.Groups["p"].Value;
            return Month(Int(ym, "y"), Int(ym, "m"), part, raw, assumed: false);
        }

        if (MonthDay().Match(text) is { Success: true } md)
        {
            return Make(ledgerYear, Int(md, "m"), Int(md, "d"), raw, assumed: true);
        }

        if (MonthOnly().Match(text) is { Success: true } mo)
        {
            return Month(ledgerYear, Int(mo, "m"), mo.Groups["p"].Value, raw, assumed: true);
        }

        if (Quarter().Match(text) is { Success: true } q)
        {
            var year = q.Groups["y"].Success ? Int(q, "y") : ledgerYear;
            var quarter = "一二三四".IndexOf(q.Groups["q"].Value[0], StringComparison.Ordinal) is var i and >= 0 ? i + 1 : int.Parse(q.Groups["q"].Value, CultureInfo.InvariantCulture);
            return WithYearNote(EndOfMonth(year, quarter * 3), !q.Groups["y"].Success, raw);
        }

        if (HalfYear().Match(text) is { Success: true } h)
        {
            var year = h.Groups["y"].Success ? Int(h, "y") : ledgerYear;
            return WithYearNote(h.Groups["h"].Value == "上" ? new DateOnly(year, 6, 30) : new DateOnly(year, 12, 31), !h.Groups["y"].Success, raw);
        }

        if (YearEnd().Match(text) is { Success: true } e)
        {
            var year = e.Groups["y"].Success ? Int(e, "y") : ledgerYear;
            return WithYearNote(new DateOnly(year, 12, 31), !e.Groups["y"].Success, raw);
        }

        if (YearDotMonthText().Match(text) is { Success: true } dot)
        {
            return Month(Int(dot, "y"), Int(dot, "m"), string.Empty, raw, assumed: false);
        }

        return new(null, IssueCodes.DateUnreadable, Severity.Error, raw);
    }

    private static Read<DateOnly?> Month(int year, int month, string part, string raw, bool assumed)
    {
        if (month is < 1 or > 12 || year is < 2000 or > 2100)
        {
            return new(null, IssueCodes.DateUnreadable, Severity.Error, raw);
        }

        var day = part switch
        {
            "上旬" => 10,
            "中旬" => 20,
            "初" => 10,
            "中" => 15,
            _ => DateTime.DaysInMonth(year, month),
        };
        return WithYearNote(new DateOnly(year, month, day), assumed, raw);
    }

    private static Read<DateOnly?> Make(int year, int month, int day, string raw, bool assumed) =>
        year is >= 2000 and <= 2100 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            ? WithYearNote(new DateOnly(year, month, day), assumed, raw)
            : new(null, IssueCodes.DateUnreadable, Severity.Error, raw);

    private static Read<DateOnly?> WithYearNote(DateOnly date, bool assumed, string raw) =>
        new(date, assumed ? IssueCodes.DateYearAssumed : null, Severity.Warning, raw);

    private static DateOnly EndOfMonth(int year, int month) => new(year, month, DateTime.DaysInMonth(year, month));

    private static int Int(Match m, string group) => int.Parse(m.Groups[group].Value, CultureInfo.InvariantCulture);

    /// <summary>Several units in one cell, split on 、，；, and line breaks.</summary>
    public static IReadOnlyList<string> Split(string? text) =>
        text is null ? [] : ListSeparators().Split(text).Select(s => s.Trim()).Where(s => s.Length > 0 && s is not "-" and not "无").Distinct().ToList();

    /// <summary>"2026-2028", "2026—2028年", "2026.3-2027.12", "2026年": start and end years.</summary>
    public static Read<(int Start, int End)?> Years(SheetCell? cell)
    {
        var text = cell?.Number is { } n ? n.ToString(CultureInfo.InvariantCulture) : Text(cell);
        if (text is null)
        {
            return Read<(int, int)?>.Ok(null);
        }

        var years = YearToken().Matches(HeaderText.Canonical(text)).Select(m => int.Parse(m.Value, CultureInfo.InvariantCulture)).ToList();
        return years.Count switch
        {
            1 => Read<(int, int)?>.Ok((years[0], years[0])),
            >= 2 when years[1] >= years[0] => Read<(int, int)?>.Ok((years[0], years[1])),
            _ => new(null, IssueCodes.YearsUnreadable, Severity.Error, text),
        };
    }

    /// <summary>"120.1832,30.8921" (longitude, latitude), in either order when one is clearly a latitude.</summary>
    public static Read<(double Longitude, double Latitude)?> Coordinates(SheetCell? cell)
    {
        var text = Text(cell);
        if (text is null)
        {
            return Read<(double, double)?>.Ok(null);
        }

        var parts = CoordinateSeparators().Split(HeaderText.Canonical(text)).Where(p => p.Length > 0).ToList();
        if (parts.Count == 2 && double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var a) && double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var b))
        {
            if (a is >= -180 and <= 180 && b is >= -90 and <= 90)
            {
                return Read<(double, double)?>.Ok((a, b));
            }

            if (b is >= -180 and <= 180 && a is >= -90 and <= 90)
            {
                return Read<(double, double)?>.Ok((b, a));
            }
        }

        return new(null, IssueCodes.CoordinatesUnreadable, Severity.Error, text);
    }

    /// <summary>签约 / 开工 / 投产 / 达效 and their usual variants; 0 for not yet signed (谋划/前期).</summary>
    public static Read<int?> Stage(SheetCell? cell)
    {
        var text = Text(cell);
        if (text is null)
        {
            return Read<int?>.Ok(null);
        }

        var t = HeaderText.Canonical(text);
        int? stage = t switch
        {
            _ when t.Contains("达效", StringComparison.Ordinal) || t.Contains("达产", StringComparison.Ordinal) => 4,
            _ when t.Contains("投产", StringComparison.Ordinal) || t.Contains("竣工", StringComparison.Ordinal) || t.Contains("试运行", StringComparison.Ordinal) || t.Contains("运营", StringComparison.Ordinal) => 3,
            _ when t.Contains("开工", StringComparison.Ordinal) || t.Contains("在建", StringComparison.Ordinal) || t.Contains("施工", StringComparison.Ordinal) => 2,
            _ when t.Contains("签约", StringComparison.Ordinal) || t.Contains("落地", StringComparison.Ordinal) => 1,
            _ when t.Contains("谋划", StringComparison.Ordinal) || t.Contains("前期", StringComparison.Ordinal) || t.Contains("储备", StringComparison.Ordinal) || t == "未签约" => 0,
            _ => null,
        };
        return stage is null ? new(null, IssueCodes.StageUnknown, Severity.Error, text) : Read<int?>.Ok(stage);
    }

    /// <summary>新建 0 / 续建 1 / 竣工 2 / 前期 3.</summary>
    public static Read<int?> Nature(SheetCell? cell)
    {
        var text = Text(cell);
        if (text is null)
        {
            return Read<int?>.Ok(null);
        }

        int? nature = HeaderText.Canonical(text) switch
        {
            var t when t.Contains("续建", StringComparison.Ordinal) => 1,
            var t when t.Contains("新建", StringComparison.Ordinal) || t.Contains("新开工", StringComparison.Ordinal) || t.Contains("改扩建", StringComparison.Ordinal) || t.Contains("扩建", StringComparison.Ordinal) => 0,
            var t when t.Contains("竣工", StringComparison.Ordinal) => 2,
            var t when t.Contains("前期", StringComparison.Ordinal) || t.Contains("预备", StringComparison.Ordinal) => 3,
            _ => null,
        };
        return nature is null ? new(null, IssueCodes.NatureUnknown, Severity.Error, text) : Read<int?>.Ok(nature);
    }

    /// <summary>The unit a sheet states in its title or note rows ("单位：万元"), as a factor to 万元.</summary>
    public static (string Unit, decimal Factor)? SheetUnit(string text)
    {
        var m = SheetUnitMention().Match(HeaderText.Canonical(text));
        return m.Success ? FactorOf(m.Groups["u"].Value) : null;
    }

    public static (string Unit, decimal Factor) FactorOf(string unit) => unit switch
    {
        "亿元" => ("亿元", 10_000m),
        "元" => ("元", 0.0001m),
        _ => ("万元", 1m),
    };

    /// <summary>"统计截止：2026年10月31日", "截至10月底": the day the figures stand at.</summary>
    public static DateOnly? AsOf(string text, int year)
    {
        var m = AsOfMention().Match(HeaderText.Canonical(text));
        return m.Success && DateText(m.Groups["d"].Value, year) is { Value: { } d } ? d : null;
    }

    [GeneratedRegex(@"^(?<n>-?\d+(\.\d+)?)(?<u>亿元|万元|亿|万|元)?$")]
    private static partial Regex AmountWithUnit();

    [GeneratedRegex(@"^(?<y>20\d{2})\.(?<m>\d{1,2})$")]
    private static partial Regex YearDotMonthNumber();

    [GeneratedRegex(@"^(?<y>20\d{2})\.(?<m>\d{1,2})月?$")]
    private static partial Regex YearDotMonthText();

    [GeneratedRegex(@"(之前|以前|前|完成|止|为止)$")]
    private static partial Regex Suffix();

    [GeneratedRegex(@"(周内|天内|日内|个月内|工作日|立即|马上|即时|随时|长期|持续|常态|每月|每周|每季|每年|适时|尽快)")]
    private static partial Regex Relative();

    [GeneratedRegex(@"^(?<y>20\d{2})[-/.年](?<m>\d{1,2})[-/.月](?<d>\d{1,2})日?")]
    private static partial Regex FullDate();

    [GeneratedRegex(@"^(?<y>20\d{2})[-/年](?<m>\d{1,2})月?(?<p>底|末|上旬|中旬|下旬|初|中)?$")]
    private static partial Regex YearMonth();

    [GeneratedRegex(@"^(?<m>\d{1,2})月(?<d>\d{1,2})[日号]")]
    private static partial Regex MonthDay();

    [GeneratedRegex(@"^(?<m>\d{1,2})月(份)?(?<p>底|末|上旬|中旬|下旬|初|中)?")]
    private static partial Regex MonthOnly();

    [GeneratedRegex(@"^((?<y>20\d{2})年)?(第)?(?<q>[一二三四1-4])季度(末|底)?$")]
    private static partial Regex Quarter();

    [GeneratedRegex(@"^((?<y>20\d{2})年)?(?<h>上|下)半年(末|底)?$")]
    private static partial Regex HalfYear();

    [GeneratedRegex(@"^((?<y>20\d{2})年)?(年底|年末|全年|年内|底)$")]
    private static partial Regex YearEnd();

    [GeneratedRegex(@"[、，,；;\n\r/]+")]
    private static partial Regex ListSeparators();

    [GeneratedRegex(@"20\d{2}")]
    private static partial Regex YearToken();

    [GeneratedRegex(@"[,，;；\s/]+")]
    private static partial Regex CoordinateSeparators();

    [GeneratedRegex(@"单位[:：]?(?<u>亿元|万元|元)")]
    private static partial Regex SheetUnitMention();

    [GeneratedRegex(@"(统计截止|截止|截至|数据截至)(时间|日期)?[:：]?(?<d>(20\d{2}年)?\d{1,2}月(\d{1,2}日|底|末)?)")]
    private static partial Regex AsOfMention();
}

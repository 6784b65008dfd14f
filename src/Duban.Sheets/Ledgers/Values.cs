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
    public const string DateOutOfRange = "dateOutOfRange";
    public const string DateYearOnly = "dateYearOnly";
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
    public const string ColumnUnmapped = "columnUnmapped";
    public const string AmountTooLarge = "amountTooLarge";
    public const string TotalMismatch = "totalMismatch";
    public const string AmountTextUnit = "amountTextUnit";
    public const string InvestmentBelowStored = "investmentBelowStored";
    public const string Stored = "stored";
    public const string LeadStageUnknown = "leadStageUnknown";
    public const string TerminationReasonMissing = "terminationReasonMissing";
    public const string ContactDatesReversed = "contactDatesReversed";
    public const string DateMonthOnly = "dateMonthOnly";
    public const string DateNotADay = "dateNotADay";
    public const string FirmsCountedFromNames = "firmsCountedFromNames";
    public const string UnitColumnMissing = "unitColumnMissing";
}

public enum Severity
{
    Error,
    Warning,
}

/// <summary>One thing wrong or doubtful in the file, at a sheet, row and column.</summary>
public sealed record LedgerIssue(string Sheet, int Row, string? Column, Severity Severity, string Code, IReadOnlyList<string> Args);

/// <summary>
/// Days from <see cref="Start"/> to <see cref="End"/> (the same day for one date). <see cref="Approximate"/>: the file
/// named only a month (or part of one), so the days are the month's; <see cref="YearAssumed"/>: it named no year.
/// </summary>
public sealed record DateSpan(DateOnly Start, DateOnly End, bool Approximate, bool YearAssumed);

/// <summary>A value read from a cell, or why it could not be.</summary>
public readonly record struct Read<T>(T? Value, string? Code = null, Severity Severity = Severity.Error, string? Arg = null)
{
    public bool Failed => Code is not null && Severity == Severity.Error;

    public static Read<T> Ok(T? value) => new(value);
}

/// <summary>Dates, amounts, stages and lists as people write them in a ledger.</summary>
public static partial class Values
{
    /// <summary>The years a date may fall in; a date outside them is flagged, never taken.</summary>
    public const int FirstYear = 2000;

    public const int LastYear = 2100;

    /// <summary>The largest amount taken, in 万元 (10 trillion yuan): anything larger is a slip, not a project.</summary>
    public const decimal MaxAmount = 1_000_000_000m;

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
        string? ownUnit = null;
        if (cell.Number is { } n)
        {
            if (!ToDecimal(n, out value))
            {
                return new(null, IssueCodes.AmountTooLarge, Severity.Error, cell.Text);
            }
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

            if (!decimal.TryParse(m.Groups["n"].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out value) || Math.Abs(value) > MaxAmount * 10_000m)
            {
                return new(null, IssueCodes.AmountTooLarge, Severity.Error, text);
            }

            if (m.Groups["u"].Success && m.Groups["u"].Value.Length > 0)
            {
                ownUnit = m.Groups["u"].Value;
            }
        }

        if (value < 0)
        {
            return new(null, IssueCodes.Negative, Severity.Error, cell.Text);
        }

        // A unit written in the cell ("1.2亿", "3500万元") is the cell's own, whatever the column says.
        var own = ownUnit switch
        {
            null => factor,
            "亿" or "亿元" => 10_000m,
            "元" => 0.0001m,
            _ => 1m,
        };
        var result = decimal.Round(value * own, 4);
        if (result > MaxAmount)
        {
            return new(null, IssueCodes.AmountTooLarge, Severity.Error, cell.Text);
        }

        return ownUnit is null ? Read<decimal?>.Ok(result) : new(result, IssueCodes.AmountTextUnit, Severity.Warning, cell.Text);
    }

    /// <summary>A cell's double as a decimal, when it is a finite number a ledger could hold.</summary>
    private static bool ToDecimal(double n, out decimal value)
    {
        value = 0;
        if (!double.IsFinite(n) || Math.Abs(n) > (double)(MaxAmount * 10_000m))
        {
            return false;
        }

        value = (decimal)n;
        return true;
    }

    /// <summary>A plain number (a percentage, a count); text is refused.</summary>
    public static Read<decimal?> Number(SheetCell? cell)
    {
        if (cell?.Number is { } n)
        {
            return ToDecimal(n, out var d) ? Read<decimal?>.Ok(d) : new(null, IssueCodes.AmountTooLarge, Severity.Error, cell.Text);
        }

        var text = Text(cell);
        if (text is null)
        {
            return Read<decimal?>.Ok(null);
        }

        return decimal.TryParse(HeaderText.Canonical(text).TrimEnd('%'), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && Math.Abs(value) <= MaxAmount
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
            return DateNumber(n, cell.IsDate);
        }

        return DateText(Text(cell), ledgerYear);
    }

    /// <summary>
    /// A number in a date column, read as the person typed it. 2026.3 is a year and a month whatever the cell's
    /// format says (as a serial it would be 1905-07-18); 2026.1 may be 2026.10 that Excel shortened, so it is
    /// flagged; 20260630 and 202606 are dates written as digits; anything else is an Excel serial date, taken
    /// only inside the plausible window.
    /// </summary>
    private static Read<DateOnly?> DateNumber(double n, bool isDate)
    {
        var shown = n.ToString("R", CultureInfo.InvariantCulture);
        if (!double.IsFinite(n) || n < 0)
        {
            return new(null, IssueCodes.DateUnreadable, Severity.Error, shown);
        }

        if (n >= FirstYear && n < LastYear + 1)
        {
            var ym = YearDotMonthNumber().Match(shown);
            if (!ym.Success)
            {
                return new(null, IssueCodes.DateUnreadable, Severity.Error, shown);
            }

            if (!ym.Groups["m"].Success)
            {
                return new(null, IssueCodes.DateYearOnly, Severity.Error, shown);
            }

            if (ym.Groups["m"].Value == "1")
            {
                return new(null, IssueCodes.DateAmbiguous, Severity.Error, shown);
            }

            var month = int.Parse(ym.Groups["m"].Value, CultureInfo.InvariantCulture);
            return month is >= 1 and <= 12
                ? Read<DateOnly?>.Ok(EndOfMonth(Int(ym, "y"), month))
                : new(null, IssueCodes.DateUnreadable, Severity.Error, shown);
        }

        if (n == Math.Floor(n) && n is >= 20_000_101 and <= 21_001_231)
        {
            var digits = (int)n;
            return Make(digits / 10_000, digits / 100 % 100, digits % 100, shown, assumed: false);
        }

        if (n == Math.Floor(n) && n is >= 200_001 and <= 210_012)
        {
            var digits = (int)n;
            return Month(digits / 100, digits % 100, string.Empty, shown, assumed: false);
        }

        if (!isDate && n != Math.Floor(n))
        {
            return new(null, IssueCodes.DateUnreadable, Severity.Error, shown);
        }

        if (n < 1 || n >= 2_958_466)
        {
            return new(null, IssueCodes.DateUnreadable, Severity.Error, shown);
        }

        var date = ExcelEpoch.AddDays((int)Math.Floor(n));
        return date.Year is >= FirstYear and <= LastYear
            ? Read<DateOnly?>.Ok(date)
            : new(null, IssueCodes.DateOutOfRange, Severity.Error, date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
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
        if (month is < 1 or > 12)
        {
            return new(null, IssueCodes.DateUnreadable, Severity.Error, raw);
        }

        if (year is < FirstYear or > LastYear)
        {
            return new(null, IssueCodes.DateOutOfRange, Severity.Error, raw);
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
        year is < FirstYear or > LastYear ? new(null, IssueCodes.DateOutOfRange, Severity.Error, raw)
        : month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
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

    /// <summary>
    /// The words a stage column may hold and the stage each is read as (0 not yet signed, 1 签约, 2 开工, 3 投产,
    /// 4 达效). A word not in this table is flagged, never guessed: "未开工" is not "开工", "终止" is no stage.
    /// The review page shows the office which words of its file were read by this table.
    /// </summary>
    public static IReadOnlyDictionary<string, int> StageWords { get; } = Table(
        (0, "谋划 谋划中 储备 前期 前期工作 前期阶段 未签约 在谈 洽谈 洽谈中 意向 意向签约"),
        (1, "签约 已签约 签约落地 落地 已落地 签约阶段"),
        (2, "开工 已开工 新开工 开工建设 在建 施工 施工中 建设中 开工阶段"),
        (3, "投产 已投产 竣工 已竣工 完工 已完工 竣工投产 建成 建成投产 试运行 试生产 运营 投运 投入使用 投产阶段"),
        (4, "达效 已达效 达产 已达产 达产达效"));

    /// <summary>The words a 建设性质 column may hold: 新建 0 / 续建 1 / 竣工 2 / 前期 3. Others are flagged.</summary>
    public static IReadOnlyDictionary<string, int> NatureWords { get; } = Table(
        (0, "新建 新开工 改扩建 扩建 改建 新建项目"),
        (1, "续建 续建项目"),
        (2, "竣工 竣工项目"),
        (3, "前期 预备 前期项目 预备项目"));

    private static Dictionary<string, int> Table(params (int Value, string Words)[] rows) =>
        rows.SelectMany(r => r.Words.Split(' ').Select(w => (Word: w, r.Value))).ToDictionary(x => x.Word, x => x.Value, StringComparer.Ordinal);

    public static Read<int?> Stage(SheetCell? cell) => Word(cell, StageWords, IssueCodes.StageUnknown);

    public static Read<int?> Nature(SheetCell? cell) => Word(cell, NatureWords, IssueCodes.NatureUnknown);

    /// <summary>The key a word is looked up by: without spaces, marks and a trailing full stop.</summary>
    public static string WordKey(string text) => HeaderText.Canonical(text).Trim('。', '.', '；', ';', '，', ',');

    private static Read<int?> Word(SheetCell? cell, IReadOnlyDictionary<string, int> table, string unknown)
    {
        var text = Text(cell);
        if (text is null)
        {
            return Read<int?>.Ok(null);
        }

        return table.TryGetValue(WordKey(text), out var value) ? Read<int?>.Ok(value) : new(null, unknown, Severity.Error, text);
    }

    /// <summary>
    /// The words a lead's stage column may hold and the stage each is read as: 0 线索, 1 意向, 2 在谈, 3 签约,
    /// 4 注册, 5 落地 (a landed lead has started work), 9 终止 (stopped, paused or given up). Others are flagged.
    /// </summary>
    public static IReadOnlyDictionary<string, int> LeadStageWords { get; } = Table(
        (0, "线索 项目线索 信息 项目信息 线索阶段"),
        (1, "意向 洽谈意向 有意向 初步意向 意向阶段 达成意向"),
        (2, "在谈 洽谈 洽谈中 正在洽谈 在谈中 深度洽谈 洽谈阶段 在谈阶段"),
        (3, "签约 已签约 签约阶段 已签协议"),
        (4, "注册 已注册 注册阶段"),
        (5, "落地 已落地 开工 已开工 落地开工"),
        (9, "终止 已终止 暂停 已暂停 放弃 已放弃"));

    public const int LeadTerminated = 9;

    /// <summary>How a lead was found (项目来源 / 招商方式), by the words offices use: a code in English, the text kept as written.</summary>
    public static IReadOnlyDictionary<string, string> SourceWords { get; } = new[]
    {
        ("businessReferral", "以商招商 商会招商 企业推荐 客商推荐 以商引商"),
        ("residentOffice", "驻点招商 驻外招商 驻点"),
        ("industryChain", "产业链招商 链式招商 延链补链 补链招商"),
        ("expo", "展会 展会招商 会展招商 推介会 招商推介会 博览会 投洽会"),
        ("online", "网络 网络招商 云招商 线上招商 网上招商"),
        ("trip", "外出招商 登门招商 上门招商 小分队招商"),
        ("personalTies", "以情招商 乡贤招商 亲情招商 老乡招商"),
        ("other", "其他 其它"),
    }.SelectMany(r => r.Item2.Split(' ').Select(w => (Word: w, Code: r.Item1))).ToDictionary(x => x.Word, x => x.Code, StringComparer.Ordinal);

    public static Read<int?> LeadStage(SheetCell? cell) => Word(cell, LeadStageWords, IssueCodes.LeadStageUnknown);

    /// <summary>The code of a source text, when every part of it ("以商招商、展会") names the same one; otherwise none.</summary>
    public static string? SourceCode(string? text)
    {
        var codes = Split(text).Select(p => SourceWords.TryGetValue(WordKey(p), out var code) ? code : null).Distinct().ToList();
        return codes is [{ } only] ? only : null;
    }

    /// <summary>A whole count: a number, or text such as "6", "６", "6家", "3个". Fractions and words are refused.</summary>
    public static Read<int?> Count(SheetCell? cell)
    {
        if (cell is null || cell.IsBlank)
        {
            return Read<int?>.Ok(null);
        }

        var shown = cell.Number is { } n ? n.ToString("R", CultureInfo.InvariantCulture) : Text(cell);
        if (shown is null)
        {
            return Read<int?>.Ok(null);
        }

        if (cell.Number is { } number)
        {
            if (!double.IsFinite(number) || number != Math.Floor(number) || number > 1_000_000)
            {
                return new(null, number < 0 ? IssueCodes.Negative : IssueCodes.NotANumber, Severity.Error, shown);
            }

            return number < 0 ? new(null, IssueCodes.Negative, Severity.Error, shown) : Read<int?>.Ok((int)number);
        }

        var m = CountText().Match(HeaderText.Canonical(shown));
        return m.Success && int.TryParse(m.Groups["n"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value <= 1_000_000
            ? Read<int?>.Ok(value)
            : new(null, shown.TrimStart().StartsWith('-') ? IssueCodes.Negative : IssueCodes.NotANumber, Severity.Error, shown);
    }

    /// <summary>
    /// A count of firms, or the firms themselves ("某A科技有限公司、某B集团"): names are counted only when every part
    /// ends as a firm's name does, with a warning; "若干", "多家" and other words are refused.
    /// </summary>
    public static (Read<int?> Count, IReadOnlyList<string> Names) FirmCount(SheetCell? cell)
    {
        var count = Count(cell);
        if (!count.Failed || cell?.Number is not null || Text(cell) is not { } text)
        {
            return (count, []);
        }

        var names = Split(text);
        return names.Count > 0 && names.All(n => FirmName().IsMatch(HeaderText.Canonical(n)))
            ? (new(names.Count, IssueCodes.FirmsCountedFromNames, Severity.Warning, text), names)
            : (count, []);
    }

    /// <summary>
    /// The days of a trip as people write them: an Excel date, 2026-09-18, 2026.9.18-9.21, 2026年9月18日至21日,
    /// 9月18日-9月21日, 2026年9-10月, or a month only (2026年2月, 2026.2 as text, 202602): a month is the whole month,
    /// marked approximate, never a day. Without a year, the ledger's year is assumed and marked. A number such as
    /// 2026.1 may be 2026.10 that Excel shortened, so it is refused.
    /// </summary>
    public static Read<DateSpan?> Span(SheetCell? cell, int ledgerYear)
    {
        if (cell is null || cell.IsBlank)
        {
            return Read<DateSpan?>.Ok(null);
        }

        if (cell.Number is { } n)
        {
            var shown = n.ToString("R", CultureInfo.InvariantCulture);
            if (double.IsFinite(n) && n >= FirstYear && n < LastYear + 1)
            {
                var ym = YearDotMonthNumber().Match(shown);
                return !ym.Success ? new(null, IssueCodes.DateUnreadable, Severity.Error, shown)
                    : !ym.Groups["m"].Success ? new(null, IssueCodes.DateYearOnly, Severity.Error, shown)
                    : ym.Groups["m"].Value == "1" ? new(null, IssueCodes.DateAmbiguous, Severity.Error, shown)
                    : Months(Int(ym, "y"), Int(ym, "m"), Int(ym, "m"), false, shown);
            }

            if (n == Math.Floor(n) && n is >= 200_001 and <= 210_012)
            {
                return Months((int)n / 100, (int)n % 100, (int)n % 100, false, shown);
            }

            var day = Date(cell, ledgerYear);
            return day.Failed || day.Value is not { } d ? new(null, day.Code, day.Severity, day.Arg) : Read<DateSpan?>.Ok(new DateSpan(d, d, false, false));
        }

        var raw = Text(cell);
        if (raw is null)
        {
            return Read<DateSpan?>.Ok(null);
        }

        var text = HeaderText.Canonical(raw).TrimEnd('。', '.', '；', ';', '，', ',');
        if (Relative().IsMatch(text))
        {
            return new(null, IssueCodes.DateRelative, Severity.Error, raw);
        }

        if (DayRange().Match(text) is { Success: true } range)
        {
            var assumed = !range.Groups["y"].Success;
            var year = assumed ? ledgerYear : Int(range, "y");
            var month = Int(range, "m");
            var endYear = range.Groups["y2"].Success ? Int(range, "y2") : year;
            var endMonth = range.Groups["m2"].Success ? Int(range, "m2") : month;
            if (range.Groups["y2"].Success && !range.Groups["m2"].Success)
            {
                return new(null, IssueCodes.DateUnreadable, Severity.Error, raw);
            }

            return Days(year, month, Int(range, "d"), endYear, endMonth, Int(range, "d2"), assumed, raw);
        }

        if (FullDate().Match(text) is { Success: true, Length: var length } full && length == text.Length)
        {
            var y = Int(full, "y");
            return Days(y, Int(full, "m"), Int(full, "d"), y, Int(full, "m"), Int(full, "d"), false, raw);
        }

        if (MonthDay().Match(text) is { Success: true, Length: var mdLength } md && mdLength == text.Length)
        {
            return Days(ledgerYear, Int(md, "m"), Int(md, "d"), ledgerYear, Int(md, "m"), Int(md, "d"), true, raw);
        }

        if (MonthSpan().Match(text) is { Success: true } months)
        {
            var assumed = !months.Groups["y"].Success;
            var year = assumed ? ledgerYear : Int(months, "y");
            var first = Int(months, "m");
            var last = months.Groups["m2"].Success ? Int(months, "m2") : first;
            var span = Months(year, first, last, assumed, raw);
            return span.Value is { } s && months.Groups["p"].Success && first == last
                ? Read<DateSpan?>.Ok(months.Groups["p"].Value switch
                {
                    "上旬" => s with { End = s.Start.AddDays(9) },
                    "中旬" => s with { Start = s.Start.AddDays(10), End = s.Start.AddDays(19) },
                    _ => s with { Start = s.Start.AddDays(20) },
                })
                : months.Groups["p"].Success && first != last ? new(null, IssueCodes.DateUnreadable, Severity.Error, raw) : span;
        }

        return new(null, IssueCodes.DateUnreadable, Severity.Error, raw);
    }

    /// <summary>
    /// The day something happened (a contact, a signing): one date as <see cref="Span"/> reads it. A month, part of
    /// one or a range is no day: nothing is taken, with a warning, rather than the month's first or last day.
    /// </summary>
    public static Read<DateOnly?> Day(SheetCell? cell, int ledgerYear)
    {
        var span = Span(cell, ledgerYear);
        if (span.Failed || span.Value is not { } days)
        {
            return new(null, span.Code, span.Severity, span.Arg);
        }

        var shown = cell?.Number is { } n ? n.ToString("R", CultureInfo.InvariantCulture) : Text(cell) ?? string.Empty;
        if (days.Approximate || days.Start != days.End)
        {
            return new(null, IssueCodes.DateNotADay, Severity.Warning, shown);
        }

        return new(days.Start, days.YearAssumed ? IssueCodes.DateYearAssumed : null, Severity.Warning, shown);
    }

    private static Read<DateSpan?> Days(int year, int month, int day, int endYear, int endMonth, int endDay, bool assumed, string raw)
    {
        if (year is < FirstYear or > LastYear || endYear is < FirstYear or > LastYear)
        {
            return new(null, IssueCodes.DateOutOfRange, Severity.Error, raw);
        }

        if (month is < 1 or > 12 || endMonth is < 1 or > 12 || day < 1 || endDay < 1 || day > DateTime.DaysInMonth(year, month) || endDay > DateTime.DaysInMonth(endYear, endMonth))
        {
            return new(null, IssueCodes.DateUnreadable, Severity.Error, raw);
        }

        var start = new DateOnly(year, month, day);
        var end = new DateOnly(endYear, endMonth, endDay);
        return end < start ? new(null, IssueCodes.DateUnreadable, Severity.Error, raw) : Read<DateSpan?>.Ok(new DateSpan(start, end, false, assumed));
    }

    private static Read<DateSpan?> Months(int year, int first, int last, bool assumed, string raw)
    {
        if (year is < FirstYear or > LastYear)
        {
            return new(null, IssueCodes.DateOutOfRange, Severity.Error, raw);
        }

        return first is < 1 or > 12 || last < first || last > 12
            ? new(null, IssueCodes.DateUnreadable, Severity.Error, raw)
            : Read<DateSpan?>.Ok(new DateSpan(new DateOnly(year, first, 1), EndOfMonth(year, last), true, assumed));
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

    [GeneratedRegex(@"^(?<n>\d{1,7})(家|个|项|次|户)?$")]
    private static partial Regex CountText();

    [GeneratedRegex(@"(公司|集团|企业|厂|商会|协会|研究院|研究所|银行|基金|合作社|中心|工作室|事务所)(（[^（）]*）)?$")]
    private static partial Regex FirmName();

    // 2026.9.18-9.21, 2026年9月18日至21日, 2026-09-18至2026-09-21, 9月28日-10月2日, 9.18-9.21
    [GeneratedRegex(@"^((?<y>(19|20|21)\d{2})[-/.年])?(?<m>\d{1,2})[-/.月](?<d>\d{1,2})[日号]?(-|至|到)((?<y2>(19|20|21)\d{2})[-/.年])?((?<m2>\d{1,2})[-/.月])?(?<d2>\d{1,2})[日号]?$")]
    private static partial Regex DayRange();

    // 2026年2月, 2026.2, 2026-02, 2026年2月份, 2026年9-10月, 2月, 2026年2月上旬
    [GeneratedRegex(@"^((?<y>(19|20|21)\d{2})[-/.年])?(?<m>\d{1,2})((-|至|到)(?<m2>\d{1,2}))?(?(y)月?|月)(份)?(?<p>上旬|中旬|下旬)?$")]
    private static partial Regex MonthSpan();

    [GeneratedRegex(@"^(?<n>-?\d+(\.\d+)?)(?<u>亿元|万元|亿|万|元)?$")]
    private static partial Regex AmountWithUnit();

    [GeneratedRegex(@"^(?<y>\d{4})(\.(?<m>\d{1,2}))?$")]
    private static partial Regex YearDotMonthNumber();

    [GeneratedRegex(@"^(?<y>(19|20|21)\d{2})\.(?<m>\d{1,2})月?$")]
    private static partial Regex YearDotMonthText();

    [GeneratedRegex(@"(之前|以前|前|完成|止|为止)$")]
    private static partial Regex Suffix();

    [GeneratedRegex(@"(周内|天内|日内|个月内|工作日|立即|马上|即时|随时|长期|持续|常态|每月|每周|每季|每年|适时|尽快)")]
    private static partial Regex Relative();

    [GeneratedRegex(@"^(?<y>(19|20|21)\d{2})[-/.年](?<m>\d{1,2})[-/.月](?<d>\d{1,2})日?")]
    private static partial Regex FullDate();

    [GeneratedRegex(@"^(?<y>(19|20|21)\d{2})[-/年](?<m>\d{1,2})月?(?<p>底|末|上旬|中旬|下旬|初|中)?$")]
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

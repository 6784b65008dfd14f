using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Duban.Sheets.Ledgers;

namespace Duban.Sheets.Indicators;

/// <summary>Months a figure covers, 1-12, From ≤ To.</summary>
internal readonly record struct MonthSpan(int From, int To);

/// <summary>A period found in a text: none, one, or words that name a period that cannot be ("13月", "9-3月").</summary>
internal readonly record struct PeriodMention(bool Found, MonthSpan? Span, string? Text)
{
    public bool Invalid => Found && Span is null;
}

/// <summary>Periods, numbers, growth, ranks and names as statistics tables write them.</summary>
internal static partial class IndicatorText
{
    /// <summary>The largest figure taken in its own measure; larger is a slip (or a pasted id), not a statistic.</summary>
    public const decimal MaxValue = 1_000_000_000_000_000m;

    /// <summary>For matching: full-width to ASCII, no whitespace, Chinese brackets, ASCII minus and lower case.</summary>
    public static string Key(string text) => HeaderText.Canonical(text.Replace('−', '-').Replace('﹣', '-'));

    /// <summary>For showing: NFKC, no whitespace, Chinese brackets and colon, case kept.</summary>
    public static string Clean(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormKC))
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                continue;
            }

            builder.Append(c switch
            {
                '(' => '（',
                ')' => '）',
                ':' => '：',
                _ => c,
            });
        }

        return builder.ToString();
    }

    /// <summary>The leading whitespace of a name as written (spaces, ideographic spaces): how far it is indented.</summary>
    public static int Indent(string text)
    {
        var n = 0;
        foreach (var c in text)
        {
            if (c == '\u3000')
            {
                n += 2;
            }
            else if (char.IsWhiteSpace(c))
            {
                n++;
            }
            else
            {
                break;
            }
        }

        return n;
    }

    public static int? Year(string text)
    {
        var m = YearMention().Match(Key(text));
        return m.Success && int.TryParse(m.Groups["y"].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var y) ? y : null;
    }

    /// <summary>
    /// The months a text names: "1-10月" 1..10, "10月" 10..10, "一季度" 1..3, "二季度" 4..6, "前三季度" 1..9, "上半年" 1..6,
    /// "全年" 1..12, "截至10月底" 1..10, "当月"/"本月" the table's month when it is known.
    /// </summary>
    public static PeriodMention Period(string? text, int? tableMonth = null)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return default;
        }

        var key = YearMention().Replace(Key(text), "|");
        if (QuarterRange().Match(key) is { Success: true } qr)
        {
            var q = Quarter(qr.Groups["q"].Value);
            return new(true, q is { } n ? new MonthSpan(1, n * 3) : null, qr.Value);
        }

        if (OneQuarter().Match(key) is { Success: true } oq)
        {
            var q = Quarter(oq.Groups["q"].Value);
            return new(true, q is { } n ? new MonthSpan(((n - 1) * 3) + 1, n * 3) : null, oq.Value);
        }

        if (HalfYear().Match(key) is { Success: true } h)
        {
            return new(true, h.Groups["h"].Value == "上" ? new MonthSpan(1, 6) : new MonthSpan(7, 12), h.Value);
        }

        if (MonthRange().Match(key) is { Success: true } r)
        {
            var from = Month(r.Groups["a"].Value);
            var to = Month(r.Groups["b"].Value);
            return new(true, from is { } a && to is { } b && a <= b ? new MonthSpan(a, b) : null, r.Value);
        }

        if (UpToMonth().Match(key) is { Success: true } u)
        {
            return new(true, Month(u.Groups["b"].Value) is { } b ? new MonthSpan(1, b) : null, u.Value);
        }

        if (OneMonth().Match(key) is { Success: true } m)
        {
            return new(true, Month(m.Groups["m"].Value) is { } b ? new MonthSpan(b, b) : null, m.Value);
        }

        if (WholeYear().Match(key) is { Success: true } w)
        {
            return new(true, new MonthSpan(1, 12), w.Value);
        }

        if (ThisMonth().Match(key) is { Success: true } t)
        {
            return tableMonth is { } month ? new(true, new MonthSpan(month, month), t.Value) : new(true, null, t.Value);
        }

        return default;
    }

    private static int? Month(string digits) =>
        int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var m) && m is >= 1 and <= 12 ? m : null;

    private static int? Quarter(string q) => q switch
    {
        "一" or "1" => 1,
        "二" or "2" => 2,
        "三" or "3" => 3,
        "四" or "4" => 4,
        _ => null,
    };

    /// <summary>Text a statistics table writes where it has no figure: no issue, no value.</summary>
    public static bool IsNoFigure(string key) =>
        key.Length == 0 || NoFigure().IsMatch(key);

    /// <summary>A plain number as written: "1,234.5", "-2.3", "5.6%", full-width digits. Thousands separators must group by three.</summary>
    public static bool TryNumber(string key, out decimal value)
    {
        value = 0;
        var m = PlainNumber().Match(key);
        return m.Success && TryDecimal(m.Groups["n"].Value.Replace(",", string.Empty, StringComparison.Ordinal), out value);
    }

    public static bool TryDecimal(string digits, out decimal value) =>
        decimal.TryParse(digits, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);

    /// <summary>A number followed by its own unit ("1.2亿", "3500万元", "12万吨"): the number and the unit as written.</summary>
    public static bool TryNumberWithUnit(string key, out decimal value, out string unit)
    {
        value = 0;
        unit = string.Empty;
        var m = NumberWithUnit().Match(key);
        if (!m.Success || !TryDecimal(m.Groups["n"].Value.Replace(",", string.Empty, StringComparison.Ordinal), out value))
        {
            return false;
        }

        unit = m.Groups["u"].Value;
        return true;
    }

    /// <summary>A measure split into its magnitude (亿 10^8, 万 10^4) and base ("元", "千瓦时", "" for a bare count).</summary>
    public static (decimal Magnitude, string Base) Scale(string measure)
    {
        var key = Key(measure);
        return key.StartsWith('亿') ? (100_000_000m, key[1..])
            : key.StartsWith('万') ? (10_000m, key[1..])
            : (1m, key);
    }

    /// <summary>Growth as written: "5.6", "-2.3", "5.6%", "增长5.6%", "下降2.3%" (-2.3), "持平" (0).</summary>
    public static bool TryGrowth(string key, out decimal value)
    {
        value = 0;
        if (key is "持平" or "0增长" or "零增长")
        {
            return true;
        }

        if (TryNumber(key, out value))
        {
            return true;
        }

        var m = GrowthWords().Match(key);
        if (!m.Success || !TryNumber(m.Groups["n"].Value, out value) || value < 0)
        {
            return false;
        }

        if (m.Groups["down"].Success)
        {
            value = -value;
        }

        return true;
    }

    /// <summary>A place: 3, "第3位", "第三名", "3/12" → 3. Zero, fractions and words such as "前列" are not places.</summary>
    public static int? Rank(string key)
    {
        var m = RankText().Match(key);
        if (!m.Success)
        {
            return null;
        }

        var n = m.Groups["n"].Value;
        int? place = char.IsAsciiDigit(n[0])
            ? int.TryParse(n, NumberStyles.None, CultureInfo.InvariantCulture, out var d) ? d : null
            : ChineseNumber(n);
        if (place is not { } p || p is < 1 or > 10_000)
        {
            return null;
        }

        if (m.Groups["of"].Success && (!int.TryParse(m.Groups["of"].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var of) || of < p))
        {
            return null;
        }

        return p;
    }

    /// <summary>一 … 九十九.</summary>
    private static int? ChineseNumber(string text)
    {
        const string Digits = "一二三四五六七八九";
        if (text.Length == 0 || text.Length > 3)
        {
            return null;
        }

        var ten = text.IndexOf('十', StringComparison.Ordinal);
        if (ten < 0)
        {
            return text.Length == 1 && Digits.IndexOf(text[0], StringComparison.Ordinal) is var i and >= 0 ? i + 1 : null;
        }

        var tens = ten == 0 ? 1 : ten == 1 && Digits.IndexOf(text[0], StringComparison.Ordinal) is var t and >= 0 ? t + 1 : -1;
        var unitText = text[(ten + 1)..];
        var units = unitText.Length == 0 ? 0 : unitText.Length == 1 && Digits.IndexOf(unitText[0], StringComparison.Ordinal) is var u and >= 0 ? u + 1 : -1;
        return tens < 0 || units < 0 ? null : (tens * 10) + units;
    }

    /// <summary>A word that names a unit of measure, as in "（亿元）" or "计量单位: 万千瓦时".</summary>
    public static bool IsMeasure(string key) => key.Length is > 0 and <= 8 && MeasureWord().IsMatch(key);

    /// <summary>"单位：万元" in a title or note row: the measure it names.</summary>
    public static string? NoteMeasure(string text)
    {
        var m = NoteMeasureMention().Match(Clean(text));
        return m.Success ? m.Groups["u"].Value : null;
    }

    /// <summary>
    /// An indicator's name as written without its numbering, "其中：" and trailing "（1-9月）" or "（亿元）": the name, whether
    /// it was a "其中" row, whether it was numbered (a section candidate), its own period and its measure.
    /// </summary>
    public static (string Name, bool Of, bool Numbered, PeriodMention Period, string? Measure) Name(string raw)
    {
        // Circled numbers first: NFKC would make "①技改投资" "1技改投资".
        var trimmed = raw.TrimStart();
        var numbered = trimmed.Length > 1 && trimmed[0] is >= '①' and <= '⑳';
        var text = Clean(numbered ? trimmed[1..] : trimmed);
        var of = false;
        for (var i = 0; i < 3; i++)
        {
            if (Numbering().Match(text) is { Success: true, Length: > 0 } n && n.Length < text.Length)
            {
                text = text[n.Length..];
                numbered = true;
                continue;
            }

            if (OfPrefix().Match(text) is { Success: true } o)
            {
                text = text[o.Length..];
                of = true;
                continue;
            }

            break;
        }

        PeriodMention period = default;
        string? measure = null;
        for (var i = 0; i < 3; i++)
        {
            var m = TrailingBracket().Match(text);
            if (!m.Success || m.Index == 0)
            {
                break;
            }

            var inner = m.Groups["in"].Value;
            var p = Period(inner);
            if (p.Found && !period.Found && p.Text?.Length >= Key(inner).Length - 1)
            {
                period = p;
            }
            else if (measure is null && (IsMeasure(Key(inner)) || NoteMeasure(inner) is not null))
            {
                measure = NoteMeasure(inner) ?? inner;
            }
            else
            {
                break;
            }

            text = text[..m.Index];
        }

        return (text.TrimEnd('：', '，', '、'), of, numbered, period, measure);
    }

    /// <summary>The indicator a units-as-rows title names: "2026年1-6月各乡镇规上工业总产值完成情况" → "规上工业总产值".</summary>
    public static string? IndicatorOfTitle(string title)
    {
        var text = Clean(title);
        text = TitleUnitNote().Replace(text, string.Empty);
        var lastPeriod = TitlePeriod().Matches(text).LastOrDefault();
        if (lastPeriod is not null)
        {
            text = text[(lastPeriod.Index + lastPeriod.Length)..];
        }

        text = TitleUnits().Replace(text, string.Empty);
        text = TitleTail().Replace(text, string.Empty);
        return text.Length is > 1 and <= 40 && !GenericTitle().IsMatch(text) ? text : null;
    }

    /// <summary>Digits that would be a number were they not too long for one ("123456789012345678901234567890").</summary>
    public static bool LooksNumeric(string key) => PlainNumber().IsMatch(key);

    /// <summary>A decimal without trailing zeros, as invariant text: 12000.0 → "12000".</summary>
    public static string Show(decimal value) => (value / 1.0000000000000000000000000000m).ToString(CultureInfo.InvariantCulture);

    public static bool IsFooter(string key) => Footer().IsMatch(key);

    public static bool IsTotal(string key) => Total().IsMatch(key);

    [GeneratedRegex(@"(?<!\d)(?<y>20\d{2})年(度)?")]
    private static partial Regex YearMention();

    [GeneratedRegex(@"(前|1-|一至|一到|1至|一-)(?<q>[一二三四1-4])季度")]
    private static partial Regex QuarterRange();

    [GeneratedRegex(@"(第)?(?<q>[一二三四1-4])季度")]
    private static partial Regex OneQuarter();

    [GeneratedRegex(@"(?<h>上|下)半年")]
    private static partial Regex HalfYear();

    [GeneratedRegex(@"(?<!\d)(?<a>\d{1,2})月?(-|至|到|~)(?<b>\d{1,2})月")]
    private static partial Regex MonthRange();

    [GeneratedRegex(@"(截至|截止|截止到|至)(?<b>\d{1,2})月")]
    private static partial Regex UpToMonth();

    [GeneratedRegex(@"(?<!\d)(?<m>\d{1,2})月(份)?")]
    private static partial Regex OneMonth();

    [GeneratedRegex(@"全年|1-12月")]
    private static partial Regex WholeYear();

    [GeneratedRegex(@"当月|本月")]
    private static partial Regex ThisMonth();

    [GeneratedRegex(@"^(-+|/|\\|…+|\.{2,}|无|空|暂无|未公布|不公布|只公布增速|仅公布增速|只公布增幅|仅公布增幅|只发布增速)$")]
    private static partial Regex NoFigure();

    [GeneratedRegex(@"^(?<n>[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?)%?$")]
    private static partial Regex PlainNumber();

    [GeneratedRegex(@"^(?<n>[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?)(?<u>[亿万]?[\p{IsCJKUnifiedIdeographs}]{0,4})$")]
    private static partial Regex NumberWithUnit();

    [GeneratedRegex(@"^((?<up>增长|增|上升|提高|增加)|(?<down>下降|降|减少|回落|降低|减|下滑))(?<n>\d+(\.\d+)?)%?$")]
    private static partial Regex GrowthWords();

    [GeneratedRegex(@"^(第)?(?<n>\d{1,5}|[一二三四五六七八九十]{1,3})(位|名)?(/(?<of>\d{1,5}))?$")]
    private static partial Regex RankText();

    [GeneratedRegex(@"^(%|‰|[亿万]?(元|美元|吨|千瓦时|千瓦|人|人次|户|平方米|标准箱|辆|件|台|套|吨公里|公里)|个|家|户|项|亩|公顷|元/人|元/吨|个百分点|百分点)$")]
    private static partial Regex MeasureWord();

    [GeneratedRegex(@"单位：(?<u>[^，,；;、）\s]{1,8})")]
    private static partial Regex NoteMeasureMention();

    [GeneratedRegex(@"^(第?[一二三四五六七八九十]+[、.．]|（[一二三四五六七八九十\d]{1,3}）|\d{1,3}[、.．](?!\d)|[①-⑳])")]
    private static partial Regex Numbering();

    [GeneratedRegex(@"^其中[：，,]?")]
    private static partial Regex OfPrefix();

    [GeneratedRegex(@"（(?<in>[^（）]{1,20})）$")]
    private static partial Regex TrailingBracket();

    [GeneratedRegex(@"（?单位：[^）]*）?")]
    private static partial Regex TitleUnitNote();

    [GeneratedRegex(@"(20\d{2}年(度)?|\d{1,2}月?[-至到~]\d{1,2}月(份)?|\d{1,2}月(份)?|前?[一二三四1-4]季度|[上下]半年|全年|截至\d{1,2}月(底|末)?)")]
    private static partial Regex TitlePeriod();

    [GeneratedRegex(@"^(各|全县各|全市各|全区各)?(乡镇|镇街|乡镇（街道）|镇（街道）|街道|单位|部门|地区|县（市、区）|县市区|区县|园区)(（街道）)?")]
    private static partial Regex TitleUnits();

    [GeneratedRegex(@"(主要指标)?(完成情况|情况|统计表|一览表|汇总表|排名表|排名|表|统计)+$")]
    private static partial Regex TitleTail();

    [GeneratedRegex(@"^(主要|全县|全市|全区)?(经济)?(指标|数据|统计)")]
    private static partial Regex GenericTitle();

    [GeneratedRegex(@"^(数据来源|资料来源|来源|注[:：\d]|注$|备注[:：]|说明[:：]|填表|填报|制表|审核|联系人|联系电话|负责人|报送|\*)")]
    private static partial Regex Footer();

    [GeneratedRegex(@"^(合计|总计|小计|全县|全市|全区|全镇|全省|全县合计|全市合计|全区合计|本县|本市|全县总计)(（.*）)?$")]
    private static partial Regex Total();
}

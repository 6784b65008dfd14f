namespace Duban.Sheets.Indicators;

/// <summary>What the caller knows that the file may not say.</summary>
public sealed record IndicatorReadOptions
{
    /// <summary>The year to use when neither the title nor the header names one.</summary>
    public int? Year { get; init; }
}

/// <summary>
/// A statistics workbook read: its tables, one or more per sheet. <see cref="Year"/> and <see cref="PeriodTo"/> are the
/// report's (the latest month any table reaches), for naming the import.
/// </summary>
public sealed record IndicatorWorkbook(int? Year, int? PeriodTo, IReadOnlyList<IndicatorTable> Tables);

public enum IndicatorTableShape
{
    /// <summary>One indicator per row ("主要经济指标").</summary>
    IndicatorsAsRows,

    /// <summary>One town or unit per row, the indicator named by the title or a column group ("各乡镇规上工业总产值").</summary>
    UnitsAsRows,
}

/// <summary>One table: a title, a header and its data rows, with what could not be read.</summary>
public sealed record IndicatorTable(
    string Sheet,
    string? Title,
    IndicatorTableShape Shape,
    int? Year,
    int? PeriodFrom,
    int? PeriodTo,
    IReadOnlyList<IndicatorRow> Rows,
    IReadOnlyList<IndicatorIssue> Issues);

/// <summary>One fact row; on a units-as-rows table with several indicators one sheet row gives one of these per indicator.</summary>
public sealed record IndicatorRow(int Row, IndicatorFields Fields);

/// <summary>
/// The figures of one indicator for one period (and one unit, on a units-as-rows table). Percentages are as written:
/// 5.6 means 5.6 %. A null field was absent, marked as not published, or could not be read (then an issue says so).
/// </summary>
public sealed record IndicatorFields(
    string Indicator,
    string? Parent,
    string? Measure,
    string? UnitName,
    int? PeriodFrom,
    int? PeriodTo,
    decimal? Value,
    decimal? Yoy,
    decimal? AnnualTarget,
    decimal? TargetGrowth,
    decimal? CompletionRate,
    decimal? TimeProgress,
    int? Rank);

/// <summary>One thing wrong or doubtful in a table, at a sheet row (0 for the table as a whole) and column letter.</summary>
public sealed record IndicatorIssue(int Row, string? Column, Duban.Sheets.Ledgers.Severity Severity, string Code, IReadOnlyList<string> Args);

/// <summary>Why a table or value was not taken as it stands. The Web layer words each as IndicatorImport.&lt;code&gt;.</summary>
public static class IndicatorIssueCodes
{
    /// <summary>Error: the sheet has content but no header with an indicator (or unit) column and a figure column.</summary>
    public const string NoHeader = "noHeader";

    /// <summary>Error: a header, but no data rows under it (or a workbook with nothing in it).</summary>
    public const string NoRows = "noRows";

    /// <summary>Error: no period in the title or header, or one that cannot be a period ("13月", "9-3月"). Arg: the text, if any.</summary>
    public const string PeriodUnreadable = "periodUnreadable";

    /// <summary>Error: neither the title, the header nor the caller gives the year.</summary>
    public const string YearMissing = "yearMissing";

    /// <summary>Error: text where a number belongs; the row is kept with the field empty. Args: header, cell text.</summary>
    public const string NotANumber = "notANumber";

    /// <summary>Error: a number beyond any statistic (over 10^15 in its measure). Args: header, cell text.</summary>
    public const string ValueTooLarge = "valueTooLarge";

    /// <summary>Warning: "1.2亿" in a 万元 table, converted to the table's measure. Args: cell text, value taken, measure.</summary>
    public const string ValueConverted = "valueConverted";

    /// <summary>Error: a cell's own unit that cannot be put in the row's measure ("3万吨" where the measure is 万元). Args: cell text, measure.</summary>
    public const string MeasureConflict = "measureConflict";

    /// <summary>Warning: a rank that is not a place ("前列", "2.5"). Args: cell text.</summary>
    public const string RankUnreadable = "rankUnreadable";

    /// <summary>Error: figures on a row with no indicator name, or a units table whose indicator neither title nor header names.</summary>
    public const string IndicatorMissing = "indicatorMissing";

    /// <summary>Error: figures on a units-as-rows row with no town or unit name.</summary>
    public const string UnitMissing = "unitMissing";

    /// <summary>Warning: the units' figures do not add up to the total row within rounding. Args: header, total, sum.</summary>
    public const string TotalMismatch = "totalMismatch";

    /// <summary>Warning: a header the reader does not map (or a second column for a field already mapped). Arg: header text.</summary>
    public const string ColumnUnmapped = "columnUnmapped";

    /// <summary>Warning: a 备注 column's text, kept for a person to read ("6月快报", "只公布增速"). Arg: the text.</summary>
    public const string Remark = "remark";
}

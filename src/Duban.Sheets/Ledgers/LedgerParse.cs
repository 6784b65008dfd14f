namespace Duban.Sheets.Ledgers;

/// <summary>
/// A column of the sheet and the field it was mapped to (or null when it is not imported). <see cref="Group"/> is
/// the group header above a sub-header ("年度计划" over "投资额"); <see cref="Unmapped"/> says that nothing in the
/// header, its group, the region's template or the person's choices gave it a field.
/// </summary>
public sealed record ColumnMapping(int Column, string Letter, string Header, string? Field, bool FromTemplate, HeaderPeriod Period, string? AmountUnit, string? Group = null, bool Unmapped = false)
{
    /// <summary>The header as a person reads it: "年度计划 / 投资额".</summary>
    public string Display => Group is null ? Header : $"{Group} / {Header}";

    /// <summary>What the region's template remembers this column by.</summary>
    public string Key => LedgerReader.TemplateKey(Header, Group);
}

/// <summary>A word of a stage or nature column and what it was read as by the table (null: not in it, flagged).</summary>
public sealed record WordReading(string Field, string Text, int? Value);

/// <summary>A milestone read from a 时间节点 cell.</summary>
public sealed record MilestoneText(string Name, DateOnly Due);

/// <summary>A data row of the ledger: where it is, the section it sits in, and its fields by their code names.</summary>
public sealed class LedgerRow
{
    public required string Sheet { get; init; }
    public required int Row { get; init; }
    public string? Section { get; init; }
    public Dictionary<string, object?> Fields { get; } = new(StringComparer.Ordinal);
    public bool HasErrors { get; set; }

    public string? Text(string field) => Fields.TryGetValue(field, out var v) ? v as string : null;

    public T? Get<T>(string field) => Fields.TryGetValue(field, out var v) && v is T t ? t : default;
}

/// <summary>What a sheet was read as: its layout, column mapping, rows and issues. Nothing is stored yet.</summary>
public sealed class LedgerParse
{
    public required LedgerKind Kind { get; init; }
    public string Sheet { get; set; } = string.Empty;
    public string? Title { get; set; }
    public int? Year { get; set; }
    public string Unit { get; set; } = "万元";
    public DateOnly? AsOf { get; set; }
    public int HeaderFirstRow { get; set; }
    public int HeaderLastRow { get; set; }
    public List<ColumnMapping> Columns { get; } = [];
    public List<string> Sections { get; } = [];
    public List<LedgerRow> Rows { get; } = [];
    public List<LedgerIssue> Issues { get; } = [];
    public List<string> SkippedSheets { get; } = [];

    /// <summary>Every distinct stage and nature word of the file and what the table read it as, for the review page.</summary>
    public List<WordReading> Words { get; } = [];

    /// <summary>Rows read as totals (合计/总计) and footers (填表人…), which are not imported.</summary>
    public List<int> TotalRows { get; } = [];

    public bool HasFileErrors => Issues.Any(i => i.Row == 0 && i.Severity == Severity.Error);

    public void Add(LedgerRow row, string? column, Severity severity, string code, params string[] args)
    {
        ArgumentNullException.ThrowIfNull(row);
        Issues.Add(new LedgerIssue(row.Sheet, row.Row, column, severity, code, args));
        if (severity == Severity.Error)
        {
            row.HasErrors = true;
        }
    }
}

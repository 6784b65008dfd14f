using System.Globalization;
using System.Text.RegularExpressions;
using Duban.Sheets.Ledgers;

namespace Duban.Sheets.Indicators;

/// <summary>
/// Reads the statistics bureau's tables (统计月报, 主要经济指标表): every visible sheet that is not an instruction sheet,
/// and every table stacked in it (a title, a header of one or two rows, data rows). Two shapes: one indicator per row,
/// or one town/unit per row for an indicator the title or a column group names. Written so that it cannot throw on
/// any workbook: numbers are bounded before arithmetic, indexes come from the sheet, and nothing is parsed unchecked.
/// </summary>
public static partial class IndicatorTableReader
{
    private const int MaxColumns = 512;
    private const int MaxHeaderCells = 100;
    private const int MaxPreambleRows = 4;

    public static IndicatorWorkbook Read(Workbook book, IndicatorReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(book);
        options ??= new IndicatorReadOptions();
        var tables = new List<IndicatorTable>();
        foreach (var sheet in book.Sheets)
        {
            if (sheet.IsHidden || Instructions().IsMatch(sheet.Name))
            {
                continue;
            }

            tables.AddRange(ReadSheet(sheet, options));
        }

        if (tables.Count == 0)
        {
            var name = book.Sheets.FirstOrDefault(s => !s.IsHidden)?.Name ?? (book.Sheets.Count > 0 ? book.Sheets[0].Name : string.Empty);
            tables.Add(new IndicatorTable(name, null, IndicatorTableShape.IndicatorsAsRows, options.Year, null, null, [], [Issue(0, null, Severity.Error, IndicatorIssueCodes.NoRows)]));
        }

        var years = tables.Where(t => t.Rows.Count > 0).Select(t => t.Year).OfType<int>().ToList();
        var months = tables.Where(t => t.Rows.Count > 0).Select(t => t.PeriodTo).OfType<int>().ToList();
        return new IndicatorWorkbook(years.Count > 0 ? years.Max() : options.Year, months.Count > 0 ? months.Max() : null, tables);
    }

    private enum Field
    {
        None,
        Seq,
        Name,
        UnitName,
        UnitOrMeasure,
        Measure,
        Value,
        Yoy,
        AnnualTarget,
        TargetGrowth,
        CompletionRate,
        TimeProgress,
        Rank,
        Remark,
    }

    private static bool IsFigure(Field f) => f is >= Field.Value and <= Field.Rank;

    /// <summary>A header row: where it is, whether the row below it is its second row, and the name column.</summary>
    private readonly record struct Header(int Row, bool TwoRows, int NameColumn, IndicatorTableShape Shape)
    {
        public int LastRow => TwoRows ? Row + 1 : Row;
    }

    /// <summary>A mapped column. Indicator is the column group's indicator on a units table ("规上工业总产值" over 完成/增速).</summary>
    private sealed record Column(int Index, Field Field, string Header, string? Group, string? Indicator, string HeaderKey, string? Measure)
    {
        public string Letter => CellReference.ColumnName(Index);
    }

    private static IEnumerable<IndicatorTable> ReadSheet(Sheet sheet, IndicatorReadOptions options)
    {
        var used = sheet.RowNumbers.Where(r => sheet.CellsOf(r).Any()).ToList();
        if (used.Count == 0)
        {
            yield break;
        }

        var headers = FindHeaders(sheet, used);
        if (headers.Count == 0)
        {
            var title = used.Select(r => FirstText(sheet, r)).FirstOrDefault(t => t is not null);
            yield return new IndicatorTable(sheet.Name, title is null ? null : IndicatorText.Clean(title), IndicatorTableShape.IndicatorsAsRows, options.Year, null, null, [],
                [Issue(0, null, Severity.Error, IndicatorIssueCodes.NoHeader)]);
            yield break;
        }

        var preambles = headers.Select((h, i) => Preamble(sheet, used, h, i == 0 ? 0 : headers[i - 1].LastRow)).ToList();
        for (var i = 0; i < headers.Count; i++)
        {
            var end = i + 1 < headers.Count ? (preambles[i + 1].Count > 0 ? preambles[i + 1][0] : headers[i + 1].Row) - 1 : int.MaxValue;
            var data = used.Where(r => r > headers[i].LastRow && r <= end).ToList();
            yield return ReadTable(sheet, headers[i], preambles[i], data, options);
        }
    }

    private static string? FirstText(Sheet sheet, int row) =>
        sheet.CellsOf(row).Where(c => c.Cell.Number is null).Select(c => c.Cell.Text.Trim()).FirstOrDefault(t => t.Length > 0);

    private static List<Header> FindHeaders(Sheet sheet, List<int> used)
    {
        var headers = new List<Header>();
        var after = 0;
        foreach (var r in used)
        {
            if (r <= after)
            {
                continue;
            }

            if (AsHeader(sheet, r) is { } header)
            {
                headers.Add(header);
                after = header.LastRow;
            }
        }

        return headers;
    }

    private static Header? AsHeader(Sheet sheet, int r)
    {
        var cells = sheet.CellsOf(r).Take(MaxHeaderCells + 1).ToList();
        if (cells.Count < 2 || cells.Count > MaxHeaderCells || cells.Any(c => c.Cell.Number is not null))
        {
            return null;
        }

        var classes = cells.Select(c => (c.Column, Field: Classify(c.Cell.Text).Field)).ToList();
        var name = classes.FirstOrDefault(c => c.Field is Field.Name or Field.UnitName);
        var bareUnit = classes.FirstOrDefault(c => c.Field is Field.UnitOrMeasure);
        IndicatorTableShape shape;
        int nameColumn;
        if (name.Column > 0)
        {
            (nameColumn, shape) = (name.Column, name.Field == Field.Name ? IndicatorTableShape.IndicatorsAsRows : IndicatorTableShape.UnitsAsRows);
        }
        else if (bareUnit.Column > 0)
        {
            (nameColumn, shape) = (bareUnit.Column, IndicatorTableShape.UnitsAsRows);
        }
        else
        {
            return null;
        }

        var twoRows = IsSecondHeaderRow(sheet, r, nameColumn);
        var figures = classes.Count(c => IsFigure(c.Field));
        if (twoRows)
        {
            figures += sheet.CellsOf(r + 1).Count(c => IsFigure(Classify(c.Cell.Text).Field));
        }

        return figures > 0 ? new Header(r, twoRows, nameColumn, shape) : null;
    }

    /// <summary>
    /// The row under a header is its second row when it holds no numbers, leaves the name column to the header (blank or
    /// merged down) and either names a field or sits under a group merged across columns.
    /// </summary>
    private static bool IsSecondHeaderRow(Sheet sheet, int r, int nameColumn)
    {
        var below = sheet.CellsOf(r + 1).Take(MaxHeaderCells + 1).ToList();
        if (below.Count == 0 || below.Count > MaxHeaderCells || below.Any(c => c.Cell.Number is not null))
        {
            return false;
        }

        var nameMerge = sheet.MergeAt(r, nameColumn);
        if (sheet.Raw(r + 1, nameColumn) is { IsBlank: false } && nameMerge is not { LastRow: > 0 } || (nameMerge is { } nm && nm.LastRow < r + 1 && sheet.Raw(r + 1, nameColumn) is { IsBlank: false }))
        {
            return false;
        }

        return below.Any(c => Classify(c.Cell.Text).Field != Field.None)
            || below.Any(c => sheet.MergeAt(r, c.Column) is { } m && m.LastColumn > m.FirstColumn && m.LastRow == r);
    }

    /// <summary>The title and note rows right above a header: text-only rows, at most a few, after the previous table.</summary>
    private static List<int> Preamble(Sheet sheet, List<int> used, Header header, int after)
    {
        var rows = new List<int>();
        for (var i = used.BinarySearch(header.Row) - 1; i >= 0 && used[i] > after; i--)
        {
            var r = used[i];
            var cells = sheet.CellsOf(r).Take(4).ToList();
            var text = string.Concat(cells.Select(c => c.Cell.Text));
            if (after > 0 && (rows.Count >= MaxPreambleRows || cells.Count > 3 || cells.Any(c => c.Cell.Number is not null) || IndicatorText.IsFooter(IndicatorText.Key(text)) || !TitleLike().IsMatch(text)))
            {
                break;
            }

            rows.Insert(0, r);
        }

        return rows;
    }

    private static IndicatorTable ReadTable(Sheet sheet, Header header, List<int> preamble, List<int> data, IndicatorReadOptions options)
    {
        var issues = new List<IndicatorIssue>();

        // Title and note rows: the title is the first text that is not a note; "单位：万元" may be anywhere in them.
        string? title = null;
        var titleRow = 0;
        string? noteMeasure = null;
        foreach (var r in preamble)
        {
            foreach (var (_, cell) in sheet.CellsOf(r))
            {
                var text = cell.Text.Trim();
                noteMeasure ??= IndicatorText.NoteMeasure(text);
                if (title is null && cell.Number is null && text.Length >= 4 && !NoteStart().IsMatch(IndicatorText.Key(text)))
                {
                    (title, titleRow) = (IndicatorText.Clean(text), r);
                }
            }
        }

        var titlePeriod = IndicatorText.Period(title);
        var columns = MapColumns(sheet, header);
        var valueColumn = PickMain(columns, Field.Value, null);
        var mainGroup = valueColumn?.Group;
        var picked = new Dictionary<(string?, Field), Column>();
        foreach (var c in columns.Where(c => c.Field is not (Field.None or Field.Seq or Field.Name or Field.UnitName or Field.UnitOrMeasure)))
        {
            var key = (c.Indicator, c.Field);
            var chosen = c.Field == Field.Value ? PickMain(columns.Where(x => x.Indicator == c.Indicator).ToList(), Field.Value, null)
                : PickMain(columns.Where(x => x.Indicator == c.Indicator).ToList(), c.Field, mainGroup);
            if (chosen == c)
            {
                picked[key] = c;
            }
            else
            {
                issues.Add(Issue(header.Row, c.Letter, Severity.Warning, IndicatorIssueCodes.ColumnUnmapped, c.Header));
            }
        }

        foreach (var c in columns.Where(c => c.Field == Field.None))
        {
            issues.Add(Issue(header.Row, c.Letter, Severity.Warning, IndicatorIssueCodes.ColumnUnmapped, c.Header));
        }

        // The table's period: the title's, else the figure columns', else the sheet name's; never guessed.
        var period = titlePeriod;
        if (!period.Found)
        {
            var figureColumn = valueColumn ?? picked.Values.FirstOrDefault(c => c.Field == Field.Yoy);
            period = IndicatorText.Period(figureColumn is null ? null : figureColumn.Group + figureColumn.Header);
        }

        if (!period.Found)
        {
            period = IndicatorText.Period(sheet.Name);
        }

        if (period.Span is null)
        {
            issues.Add(Issue(titleRow, null, Severity.Error, IndicatorIssueCodes.PeriodUnreadable, period.Text ?? title ?? string.Empty));
        }

        var year = (title is null ? null : IndicatorText.Year(title))
            ?? columns.Select(c => IndicatorText.Year((c.Group ?? string.Empty) + c.Header)).FirstOrDefault(y => y is not null)
            ?? IndicatorText.Year(sheet.Name)
            ?? options.Year;
        if (year is null)
        {
            issues.Add(Issue(titleRow, null, Severity.Error, IndicatorIssueCodes.YearMissing));
        }

        var context = new TableContext(sheet, header, picked, period.Span, noteMeasure, issues);
        var rows = header.Shape == IndicatorTableShape.IndicatorsAsRows
            ? ReadIndicatorRows(context, data)
            : ReadUnitRows(context, data, title is null ? null : IndicatorText.IndicatorOfTitle(title));
        if (rows.Count == 0 && !issues.Any(i => i.Code is IndicatorIssueCodes.IndicatorMissing))
        {
            issues.Add(Issue(header.Row, null, Severity.Error, IndicatorIssueCodes.NoRows));
        }

        return new IndicatorTable(sheet.Name, title, header.Shape, year, period.Span?.From, period.Span?.To, rows, issues);
    }

    /// <summary>Of several columns for one field, the one to read: for the value the cumulative one, for the others the value's group.</summary>
    private static Column? PickMain(List<Column> columns, Field field, string? group)
    {
        var candidates = columns.Where(c => c.Field == field).ToList();
        if (candidates.Count <= 1)
        {
            return candidates.FirstOrDefault();
        }

        if (field == Field.Value)
        {
            return candidates.FirstOrDefault(c => IndicatorText.Period(c.Group + c.Header).Span is { From: 1, To: > 1 } || Cumulative().IsMatch(c.HeaderKey)) ?? candidates[0];
        }

        return candidates.FirstOrDefault(c => c.Group == group) ?? candidates[0];
    }

    private static List<Column> MapColumns(Sheet sheet, Header header)
    {
        var columns = new List<Column>();
        var names = new HashSet<Field>();
        var last = Math.Min(sheet.ColumnCount, MaxColumns);
        for (var c = 1; c <= last; c++)
        {
            var topMerge = sheet.MergeAt(header.Row, c);
            var top = sheet.At(header.Row, c) is { Number: null } t ? t.Text.Trim() : null;
            string? sub = null;
            if (header.TwoRows)
            {
                var subMerge = sheet.MergeAt(header.Row + 1, c);
                sub = topMerge is { } m1 && subMerge is { } m2 && m1 == m2 ? null
                    : sheet.At(header.Row + 1, c) is { Number: null } s ? s.Text.Trim() : null;
                if (string.IsNullOrEmpty(sub))
                {
                    sub = null;
                }
            }

            if (topMerge is { } tm && tm.FirstColumn < c && sub is null)
            {
                continue;
            }

            if (string.IsNullOrEmpty(top) && sub is null)
            {
                continue;
            }

            var own = Classify(sub ?? top);
            var group = sub is null ? null : top;
            var groupClass = group is null ? default : Classify(group);
            var field = own.Field;
            if (group is not null)
            {
                field = (groupClass.Field, own.Field) switch
                {
                    (Field.AnnualTarget, Field.Value or Field.None or Field.AnnualTarget) => Field.AnnualTarget,
                    (Field.AnnualTarget, Field.Yoy or Field.TargetGrowth) => Field.TargetGrowth,
                    (Field.Yoy or Field.Rank or Field.CompletionRate or Field.TimeProgress or Field.TargetGrowth, Field.None) => groupClass.Field,
                    _ => own.Field,
                };
            }

            if (c == header.NameColumn)
            {
                field = header.Shape == IndicatorTableShape.IndicatorsAsRows ? Field.Name : Field.UnitName;
            }
            else if (field is Field.UnitOrMeasure or Field.Name or Field.UnitName)
            {
                // "单位" beside an 指标 column is the unit of measure; a second name column is not read.
                field = field == Field.UnitOrMeasure && header.Shape == IndicatorTableShape.IndicatorsAsRows ? Field.Measure : Field.None;
            }

            if (field == Field.Measure && !names.Add(Field.Measure))
            {
                field = Field.None;
            }

            string? indicator = null;
            if (header.Shape == IndicatorTableShape.UnitsAsRows && group is not null && NamesIndicator(group))
            {
                var (groupName, _, _, _, _) = IndicatorText.Name(group);
                indicator = groupName.Length > 0 ? groupName : null;
            }

            var shown = group is null ? top! : group + "/" + sub;
            var measure = own.Measure ?? groupClass.Measure;
            columns.Add(new Column(c, field, shown, group, indicator, IndicatorText.Key(sub ?? top ?? string.Empty), measure));
        }

        return columns;
    }

    /// <summary>
    /// A column group on a units table names an indicator ("规上工业总产值（万元）" over 完成/位次) unless it is a field's own
    /// word ("年度目标", "1-10月", "同比").
    /// </summary>
    private static bool NamesIndicator(string group)
    {
        var core = Core(IndicatorText.Key(group));
        return core.Length > 1 && !FieldGroup().IsMatch(core) && Classify(group).Field is Field.None or Field.Value or Field.AnnualTarget;
    }

    private static string Core(string key) =>
        HeaderPeriod().Replace(HeaderBracket().Replace(key, string.Empty), string.Empty).Replace("%", string.Empty, StringComparison.Ordinal).Trim(':', '：', '*', '★');

    /// <summary>What a header names, after its period ("1-6月") and unit ("（万元）") are set aside.</summary>
    private static (Field Field, string? Measure) Classify(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > 60)
        {
            return (Field.None, null);
        }

        var key = IndicatorText.Key(text);
        string? measure = null;
        foreach (Match m in HeaderBracket().Matches(key))
        {
            var inner = m.Groups["in"].Value;
            if (IndicatorText.IsMeasure(inner) || IndicatorText.NoteMeasure(inner) is not null)
            {
                measure ??= IndicatorText.NoteMeasure(inner) ?? inner;
                key = key.Replace(m.Value, string.Empty, StringComparison.Ordinal);
            }
        }

        var hasPeriod = IndicatorText.Period(key).Found;
        var core = HeaderPeriod().Replace(key, string.Empty).Replace("%", string.Empty, StringComparison.Ordinal).Trim(':', '：', '*', '★');
        if (core.Length == 0)
        {
            return (hasPeriod ? Field.Value : Field.None, measure);
        }

        var field = core switch
        {
            _ when SeqWords().IsMatch(core) => Field.Seq,
            _ when MeasureWords().IsMatch(core) => Field.Measure,
            "单位" => Field.UnitOrMeasure,
            _ when NameWords().IsMatch(core) => Field.Name,
            _ when UnitWords().IsMatch(core) => Field.UnitName,
            _ when RemarkWords().IsMatch(core) => Field.Remark,
            _ when TimeProgressWords().IsMatch(core) => Field.TimeProgress,
            _ when CompletionWords().IsMatch(core) => Field.CompletionRate,
            _ when TargetGrowthWords().IsMatch(core) => Field.TargetGrowth,
            _ when RankWords().IsMatch(core) => Field.Rank,
            _ when PriorYearWords().IsMatch(core) && !YoyWords().IsMatch(core) => Field.None,
            _ when YoyWords().IsMatch(core) => Field.Yoy,
            _ when TargetWords().IsMatch(core) => Field.AnnualTarget,
            _ when ValueWords().IsMatch(core) => Field.Value,
            _ => Field.None,
        };
        return (field, measure);
    }

    private sealed record TableContext(Sheet Sheet, Header Header, Dictionary<(string?, Field), Column> Columns, MonthSpan? Period, string? NoteMeasure, List<IndicatorIssue> Issues)
    {
        public Column? Get(string? indicator, Field field) => Columns.GetValueOrDefault((indicator, field));

        public bool HasFigure(int row) =>
            Columns.Values.Any(c => c.Field is not (Field.Remark or Field.Measure) && Sheet.Raw(row, c.Index) is { IsBlank: false });
    }

    private static List<IndicatorRow> ReadIndicatorRows(TableContext t, List<int> data)
    {
        var rows = new List<IndicatorRow>();
        (string Name, int Indent)? top = null;
        var headerName = IndicatorText.Key(t.Sheet.Raw(t.Header.Row, t.Header.NameColumn)?.Text ?? string.Empty);
        foreach (var r in data)
        {
            var raw = NameText(t.Sheet, r, t.Header.NameColumn);
            var rawKey = raw is null ? string.Empty : IndicatorText.Key(raw);
            if ((raw is null && FirstText(t.Sheet, r) is { } first && IndicatorText.IsFooter(IndicatorText.Key(first))) || IndicatorText.IsFooter(rawKey) || rawKey == headerName)
            {
                continue;
            }

            if (!t.HasFigure(r))
            {
                // A section ("一、工业") or a bare label: context, not an indicator. Its "其中" rows have no parent above.
                top = null;
                continue;
            }

            if (IndicatorText.IsTotal(rawKey))
            {
                continue;
            }

            var (name, of, _, own, rowMeasure) = raw is null ? (string.Empty, false, false, default, null) : IndicatorText.Name(raw);
            if (name.Length == 0)
            {
                t.Issues.Add(Issue(r, CellReference.ColumnName(t.Header.NameColumn), Severity.Error, IndicatorIssueCodes.IndicatorMissing));
                continue;
            }

            var indent = IndicatorText.Indent(raw!);
            string? parent = null;
            if (top is { } p && (of || indent > p.Indent))
            {
                parent = p.Name;
            }
            else if (!of)
            {
                top = (name, indent);
            }

            var measureCell = t.Get(null, Field.Measure) is { } mc ? t.Sheet.Raw(r, mc.Index) : null;
            var measure = MeasureText(measureCell) ?? rowMeasure ?? t.Get(null, Field.Value)?.Measure ?? t.Get(null, Field.AnnualTarget)?.Measure ?? t.NoteMeasure;
            rows.Add(new IndicatorRow(r, Fields(t, r, null, name, parent, null, measure, own)));
        }

        return rows;
    }

    private static List<IndicatorRow> ReadUnitRows(TableContext t, List<int> data, string? titleIndicator)
    {
        var rows = new List<IndicatorRow>();
        var current = titleIndicator;
        var headerName = IndicatorText.Key(t.Sheet.Raw(t.Header.Row, t.Header.NameColumn)?.Text ?? string.Empty);
        var indicators = t.Columns.Keys.Select(k => k.Item1).Distinct().ToList();
        var missingReported = false;
        foreach (var r in data)
        {
            var raw = NameText(t.Sheet, r, t.Header.NameColumn);
            var rawKey = raw is null ? string.Empty : IndicatorText.Key(raw);
            if ((raw is null && FirstText(t.Sheet, r) is { } first && IndicatorText.IsFooter(IndicatorText.Key(first))) || IndicatorText.IsFooter(rawKey) || rawKey == headerName)
            {
                continue;
            }

            if (!t.HasFigure(r))
            {
                // A group row ("一、规上工业总产值") names the indicator of the rows below it.
                if (raw is not null && IndicatorText.Name(raw).Name is { Length: > 1 } group && !IndicatorText.IsTotal(rawKey))
                {
                    current = group;
                }

                continue;
            }

            string? unit = null;
            if (!IndicatorText.IsTotal(rawKey))
            {
                unit = raw is null ? null : IndicatorText.Clean(raw);
                if (string.IsNullOrEmpty(unit))
                {
                    t.Issues.Add(Issue(r, CellReference.ColumnName(t.Header.NameColumn), Severity.Error, IndicatorIssueCodes.UnitMissing));
                    continue;
                }
            }

            foreach (var key in indicators)
            {
                var indicator = key ?? current;
                if (indicator is null)
                {
                    if (!missingReported)
                    {
                        t.Issues.Add(Issue(t.Header.Row, null, Severity.Error, IndicatorIssueCodes.IndicatorMissing));
                        missingReported = true;
                    }

                    continue;
                }

                if (!t.Columns.Any(c => c.Key.Item1 == key && IsFigure(c.Key.Item2) && t.Sheet.Raw(r, c.Value.Index) is { IsBlank: false }))
                {
                    continue;
                }

                var (name, _, _, _, ownMeasure) = IndicatorText.Name(indicator);
                var measureCell = t.Get(key, Field.Measure) is { } mc ? t.Sheet.Raw(r, mc.Index) : null;
                var measure = MeasureText(measureCell) ?? t.Get(key, Field.Value)?.Measure ?? t.Get(key, Field.AnnualTarget)?.Measure ?? ownMeasure ?? t.NoteMeasure;
                rows.Add(new IndicatorRow(r, Fields(t, r, key, name, null, unit, measure, default)));
            }
        }

        CheckTotals(t, rows);
        return rows;
    }

    /// <summary>The name cell's text; a section label merged across the row reads through its merge.</summary>
    private static string? NameText(Sheet sheet, int row, int column)
    {
        var cell = sheet.Raw(row, column) ?? sheet.At(row, column);
        if (cell is { IsBlank: false })
        {
            return cell.Text;
        }

        var first = sheet.CellsOf(row).FirstOrDefault();
        return first.Cell is { Number: null } c && first.Column < column ? c.Text : null;
    }

    private static string? MeasureText(SheetCell? cell)
    {
        if (cell is null || cell.IsBlank)
        {
            return null;
        }

        var text = IndicatorText.Clean(cell.Text);
        return IndicatorText.IsNoFigure(IndicatorText.Key(text)) ? null : text;
    }

    private static IndicatorFields Fields(TableContext t, int r, string? indicator, string name, string? parent, string? unit, string? measure, PeriodMention own)
    {
        RemarkOf(t, r, indicator);
        var value = t.Get(indicator, Field.Value);
        MonthSpan? span;
        if (own.Found)
        {
            span = own.Span;
            if (span is null)
            {
                t.Issues.Add(Issue(r, CellReference.ColumnName(t.Header.NameColumn), Severity.Error, IndicatorIssueCodes.PeriodUnreadable, own.Text ?? name));
            }
        }
        else
        {
            var columnPeriod = value is null ? default : IndicatorText.Period(value.Group + value.Header, t.Period?.To);
            span = columnPeriod.Span ?? t.Period;
        }

        return new IndicatorFields(
            name,
            parent,
            measure,
            unit,
            span?.From,
            span?.To,
            Amount(t, r, value, measure),
            Percent(t, r, t.Get(indicator, Field.Yoy), growth: true),
            Amount(t, r, t.Get(indicator, Field.AnnualTarget), measure),
            Percent(t, r, t.Get(indicator, Field.TargetGrowth), growth: true),
            Percent(t, r, t.Get(indicator, Field.CompletionRate), growth: false),
            Percent(t, r, t.Get(indicator, Field.TimeProgress), growth: false),
            RankOf(t, r, t.Get(indicator, Field.Rank)));
    }

    /// <summary>A figure in the row's measure. "1.2亿" in a 万元 row is converted (with a warning); a unit that cannot be, flagged.</summary>
    private static decimal? Amount(TableContext t, int r, Column? column, string? measure)
    {
        if (column is null || t.Sheet.Raw(r, column.Index) is not { IsBlank: false } cell)
        {
            return null;
        }

        if (Bounded(t, r, column, cell) is var (done, number) && done)
        {
            return number;
        }

        var shown = cell.Text.Trim();
        var key = IndicatorText.Key(shown.TrimStart('\''));
        if (IndicatorText.IsNoFigure(key))
        {
            return null;
        }

        if (IndicatorText.TryNumber(key, out var plain))
        {
            return Checked(t, r, column, plain, shown);
        }

        if (IndicatorText.TryNumberWithUnit(key, out var n, out var unit) && unit.Length > 0)
        {
            if (Math.Abs(n) > IndicatorText.MaxValue)
            {
                return Flag(t, r, column, Severity.Error, IndicatorIssueCodes.ValueTooLarge, column.Header, shown);
            }

            if (measure is null)
            {
                return Flag(t, r, column, Severity.Error, IndicatorIssueCodes.MeasureConflict, shown, string.Empty);
            }

            var (cellScale, cellBase) = IndicatorText.Scale(unit);
            var (rowScale, rowBase) = IndicatorText.Scale(measure);
            if (IndicatorText.Key(measure) == unit)
            {
                return n;
            }

            if ((cellBase.Length == 0 || cellBase == rowBase) && rowBase is not ("%" or "‰") && !rowBase.Contains('/', StringComparison.Ordinal))
            {
                var converted = n * cellScale / rowScale;
                t.Issues.Add(Issue(r, column.Letter, Severity.Warning, IndicatorIssueCodes.ValueConverted, shown, IndicatorText.Show(converted), measure));
                return Checked(t, r, column, converted, shown);
            }

            return Flag(t, r, column, Severity.Error, IndicatorIssueCodes.MeasureConflict, shown, measure);
        }

        return Flag(t, r, column, Severity.Error, IndicatorText.LooksNumeric(key) ? IndicatorIssueCodes.ValueTooLarge : IndicatorIssueCodes.NotANumber, column.Header, shown);
    }

    private static decimal? Percent(TableContext t, int r, Column? column, bool growth)
    {
        if (column is null || t.Sheet.Raw(r, column.Index) is not { IsBlank: false } cell)
        {
            return null;
        }

        if (Bounded(t, r, column, cell) is var (done, number) && done)
        {
            return number;
        }

        var shown = cell.Text.Trim();
        var key = IndicatorText.Key(shown.TrimStart('\''));
        if (IndicatorText.IsNoFigure(key))
        {
            return null;
        }

        if (growth ? IndicatorText.TryGrowth(key, out var value) : IndicatorText.TryNumber(key, out value))
        {
            return Checked(t, r, column, value, shown);
        }

        return Flag(t, r, column, Severity.Error, IndicatorText.LooksNumeric(key) ? IndicatorIssueCodes.ValueTooLarge : IndicatorIssueCodes.NotANumber, column.Header, shown);
    }

    /// <summary>A cell the file holds as a number: taken when it is finite and within bounds; a date-formatted one is not a figure.</summary>
    private static (bool Done, decimal? Value) Bounded(TableContext t, int r, Column column, SheetCell cell)
    {
        if (cell.Number is not { } n)
        {
            return (false, null);
        }

        if (cell.IsDate)
        {
            return (true, Flag(t, r, column, Severity.Error, IndicatorIssueCodes.NotANumber, column.Header, cell.Text));
        }

        if (!double.IsFinite(n) || Math.Abs(n) > (double)IndicatorText.MaxValue)
        {
            return (true, Flag(t, r, column, Severity.Error, IndicatorIssueCodes.ValueTooLarge, column.Header, cell.Text));
        }

        return (true, (decimal)n);
    }

    private static decimal? Checked(TableContext t, int r, Column column, decimal value, string shown) =>
        Math.Abs(value) > IndicatorText.MaxValue ? Flag(t, r, column, Severity.Error, IndicatorIssueCodes.ValueTooLarge, column.Header, shown) : value;

    private static decimal? Flag(TableContext t, int r, Column column, Severity severity, string code, params string[] args)
    {
        t.Issues.Add(Issue(r, column.Letter, severity, code, args));
        return null;
    }

    private static int? RankOf(TableContext t, int r, Column? column)
    {
        if (column is null || t.Sheet.Raw(r, column.Index) is not { IsBlank: false } cell)
        {
            return null;
        }

        int? rank = null;
        if (cell.Number is { } n && !cell.IsDate)
        {
            rank = double.IsFinite(n) && n == Math.Floor(n) && n is >= 1 and <= 10_000 ? (int)n : null;
        }
        else if (cell.Number is null)
        {
            var key = IndicatorText.Key(cell.Text.Trim().TrimStart('\''));
            if (IndicatorText.IsNoFigure(key))
            {
                return null;
            }

            rank = IndicatorText.Rank(key);
        }

        if (rank is null)
        {
            t.Issues.Add(Issue(r, column.Letter, Severity.Warning, IndicatorIssueCodes.RankUnreadable, cell.Text.Trim()));
        }

        return rank;
    }

    /// <summary>A 备注 cell's text is kept as a warning on its row, once, for a person to read ("6月快报").</summary>
    private static void RemarkOf(TableContext t, int r, string? indicator)
    {
        if (t.Get(indicator, Field.Remark) is { } column && t.Sheet.Raw(r, column.Index) is { IsBlank: false } cell && !t.Issues.Any(i => i.Row == r && i.Code == IndicatorIssueCodes.Remark))
        {
            t.Issues.Add(Issue(r, column.Letter, Severity.Warning, IndicatorIssueCodes.Remark, cell.Text.Trim()));
        }
    }

    private static void CheckTotals(TableContext t, List<IndicatorRow> rows)
    {
        foreach (var group in rows.GroupBy(x => x.Fields.Indicator, StringComparer.Ordinal))
        {
            var totals = group.Where(x => x.Fields.UnitName is null).ToList();
            var units = group.Where(x => x.Fields.UnitName is not null).ToList();
            if (totals.Count != 1 || units.Count < 2)
            {
                continue;
            }

            var key = t.Columns.Keys.FirstOrDefault(k => k.Item1 is not null && IndicatorText.Name(k.Item1).Name == group.Key).Item1;
            foreach (var (field, pick) in new (Field, Func<IndicatorFields, decimal?>)[] { (Field.Value, f => f.Value), (Field.AnnualTarget, f => f.AnnualTarget) })
            {
                if (pick(totals[0].Fields) is not { } total || units.Any(u => pick(u.Fields) is null) || t.Get(key, field) is not { } column)
                {
                    continue;
                }

                var values = units.Select(u => pick(u.Fields)!.Value).ToList();
                if (values.Any(v => Math.Abs(v) > IndicatorText.MaxValue))
                {
                    continue;
                }

                var sum = values.Sum();
                var places = values.Append(total).Max(Places);
                var tolerance = units.Count * 0.5m * Pow10(-Math.Min(places, 10));
                if (Math.Abs(sum - total) > tolerance)
                {
                    t.Issues.Add(Issue(totals[0].Row, column.Letter, Severity.Warning, IndicatorIssueCodes.TotalMismatch,
                        column.Header, IndicatorText.Show(total), IndicatorText.Show(sum)));
                }
            }
        }
    }

    private static int Places(decimal value)
    {
        var normal = value / 1.0000000000000000000000000000m;
        return (decimal.GetBits(normal)[3] >> 16) & 0xFF;
    }

    private static decimal Pow10(int exponent)
    {
        var result = 1m;
        for (var i = 0; i < -exponent; i++)
        {
            result /= 10m;
        }

        return result;
    }

    private static IndicatorIssue Issue(int row, string? column, Severity severity, string code, params string[] args) =>
        new(row, column, severity, code, args);

    [GeneratedRegex(@"说明|须知|注意事项|instruction|readme|填报要求|填表要求|字典|下拉|选项|目录", RegexOptions.IgnoreCase)]
    private static partial Regex Instructions();

    [GeneratedRegex(@"年|月|季度|表|指标|情况|单位[:：]")]
    private static partial Regex TitleLike();

    [GeneratedRegex(@"^(单位:|单位：|制表|填报|统计截止|截至|截止|日期|时间|数据截至)")]
    private static partial Regex NoteStart();

    [GeneratedRegex(@"累计|^1-\d+月")]
    private static partial Regex Cumulative();

    [GeneratedRegex(@"（(?<in>[^（）]{0,12})）")]
    private static partial Regex HeaderBracket();

    [GeneratedRegex(@"(20\d{2}年(度)?|\d{1,2}月?[-至到~]\d{1,2}月(份)?|(?<!\d)\d{1,2}月(份)?|前?[一二三四1-4]季度|[上下]半年|全年|截至\d{1,2}月(底|末)?|截止\d{1,2}月(底|末)?)")]
    private static partial Regex HeaderPeriod();

    [GeneratedRegex(@"^(年度目标|全年目标|目标|目标任务|年度任务|年度计划|计划|完成|完成值|累计|累计完成|本期|本月|当月|本年累计|绝对值|绝对额|总量|同比|同比增长|同比增减|增速|增幅|增长|比上年增长|排名|位次|全市位次|全省位次|完成率|完成年度目标|占年度目标|时序进度|时间进度|备注)$")]
    private static partial Regex FieldGroup();

    [GeneratedRegex(@"^(序号|序|编号|顺序号|no\.?)$")]
    private static partial Regex SeqWords();

    [GeneratedRegex(@"^(计量单位|计算单位|单位（计量）)$")]
    private static partial Regex MeasureWords();

    [GeneratedRegex(@"^(指标|指标名称|主要指标|指标名|项目|项目名称|名称|经济指标|指标项目|主要经济指标|指标内容)$")]
    private static partial Regex NameWords();

    [GeneratedRegex(@"^各?(乡镇|镇街|乡镇（街道）|乡镇街道|镇（街道）|街道|单位名称|地区|区域|县（市、区）|县市区|区县|县区|部门|园区|责任单位|镇|乡|乡镇名称|地区名称)$")]
    private static partial Regex UnitWords();

    [GeneratedRegex(@"^(备注|说明|附注)$")]
    private static partial Regex RemarkWords();

    [GeneratedRegex(@"时序进度|时间进度|序时进度")]
    private static partial Regex TimeProgressWords();

    [GeneratedRegex(@"完成率|占年度目标|占全年目标|占年计划|完成年度目标|完成全年目标|占目标|目标完成|完成进度|完成年度计划|占计划|占年度任务|完成年度任务")]
    private static partial Regex CompletionWords();

    [GeneratedRegex(@"(目标|预期|计划)(增速|增长|增幅)|增长目标|预期目标")]
    private static partial Regex TargetGrowthWords();

    [GeneratedRegex(@"排名|位次|名次|排位|排序")]
    private static partial Regex RankWords();

    [GeneratedRegex(@"上年|去年|上期|同期")]
    private static partial Regex PriorYearWords();

    [GeneratedRegex(@"同比|增速|增幅|增长|比上年|比去年|增减|±|增长率")]
    private static partial Regex YoyWords();

    [GeneratedRegex(@"年度目标|全年目标|目标|年度任务|目标任务|任务数|年度计划|全年计划|计划")]
    private static partial Regex TargetWords();

    [GeneratedRegex(@"完成|累计|绝对值|绝对额|总量|本期|本月|当月|实绩|实际|数值|金额|总额|数量|产值|^值$")]
    private static partial Regex ValueWords();
}

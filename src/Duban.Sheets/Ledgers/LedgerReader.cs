using System.Globalization;
using System.Text.RegularExpressions;

namespace Duban.Sheets.Ledgers;

/// <summary>What a person decided about the mapping, and what the region learned from earlier imports.</summary>
public sealed record LedgerReadOptions
{
    /// <summary>The ledger's year, when the person chose a ledger; otherwise read from the title.</summary>
    public int? Year { get; init; }

    /// <summary>The region's saved template: normalized header → field name.</summary>
    public IReadOnlyDictionary<string, string>? Template { get; init; }

    /// <summary>The person's choices on the mapping screen: column number → field name ("ignored" to leave it out).</summary>
    public IReadOnlyDictionary<int, string>? Columns { get; init; }

    public int? Today { get; init; }
}

/// <summary>
/// Reads a ledger the way offices lay it out: picks the data sheet (not the instructions), finds the header
/// (one or two rows, merged group headers), the title and note rows above it (unit, date), then reads every
/// data row through vertical merges, skipping section, total and footer rows, and checks every value.
/// </summary>
public static partial class LedgerReader
{
    private const int HeaderSearchRows = 25;

    /// <summary>The year when neither the caller (<see cref="LedgerReadOptions.Today"/>) nor the sheet gives one: the machine's.</summary>
    private static int ThisYear => TimeProvider.System.GetLocalNow().Year;

    private static readonly Dictionary<string, int> MaxLength = new(StringComparer.Ordinal)
    {
        ["number"] = 32,
        ["name"] = 500,
        ["content"] = 4000,
        ["scale"] = 2000,
        ["progress"] = 4000,
        ["problems"] = 2000,
        ["physicalProgress"] = 4000,
        ["ownerCompany"] = 200,
        ["leader"] = 50,
        ["liaison"] = 50,
        ["steward"] = 50,
        ["leadUnit"] = 100,
        ["town"] = 100,
        ["supportingUnits"] = 100,
        ["investor"] = 200,
        ["investorOrigin"] = 100,
        ["industry"] = 100,
        ["source"] = 100,
        ["followingUnit"] = 100,
        ["nextStep"] = 2000,
        ["terminationReason"] = 500,
        ["notes"] = 2000,
        ["unit"] = 100,
        ["places"] = 500,
    };

    public static LedgerParse Read(Workbook book, LedgerKind kind, LedgerReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(book);
        options ??= new LedgerReadOptions();
        var parse = new LedgerParse { Kind = kind };
        var candidates = new List<(Sheet Sheet, int Row, int Score, int Rival)>();
        var sibling = LedgerFields.Sibling(kind);
        foreach (var sheet in book.Sheets)
        {
            if (sheet.IsHidden || Instructions().IsMatch(sheet.Name) || sheet.RowCount == 0)
            {
                parse.SkippedSheets.Add(sheet.Name);
                continue;
            }

            var (row, score) = FindHeader(sheet, kind, options);
            var rival = sibling is { } other ? FindHeader(sheet, other, options).Score : 0;
            candidates.Add((sheet, row, score, rival));
        }

        // The sheet that is most this kind and least its sibling; one that reads better as the sibling is not taken.
        var best = candidates.OrderByDescending(c => c.Score - c.Rival).ThenByDescending(c => c.Score).FirstOrDefault();
        if (best.Sheet is null || best.Score < 2 || best.Rival > best.Score)
        {
            parse.Sheet = best.Sheet?.Name ?? (book.Sheets.Count > 0 ? book.Sheets[0].Name : string.Empty);
            parse.Issues.Add(new LedgerIssue(parse.Sheet, 0, null, Severity.Error, book.Sheets.All(s => s.RowCount == 0) ? IssueCodes.NoRows : IssueCodes.NoHeader, []));
            return parse;
        }

        parse.SkippedSheets.AddRange(candidates.Where(c => c.Sheet != best.Sheet).Select(c => c.Sheet.Name));
        ReadSheet(best.Sheet, best.Row, parse, options);
        return parse;
    }

    private static (int Row, int Score) FindHeader(Sheet sheet, LedgerKind kind, LedgerReadOptions options)
    {
        var bestRow = 0;
        var bestScore = 0;
        foreach (var r in sheet.RowNumbers.TakeWhile(r => r <= HeaderSearchRows))
        {
            var fields = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (c, cell) in sheet.CellsOf(r))
            {
                if (cell.Number is null && FieldFor(kind, cell.Text, options.Template) is { } f && f != LedgerFields.Ignored.Name)
                {
                    fields.Add(f);
                }

                // The second row of a two-row header counts with the first.
                if (sheet.Raw(r + 1, c) is { Number: null } below && FieldFor(kind, below.Text, options.Template) is { } g && g != LedgerFields.Ignored.Name)
                {
                    fields.Add(g);
                }
            }

            var score = fields.Count + (fields.Contains(LedgerFields.KeyField(kind)) ? 2 : 0);
            if (score > bestScore)
            {
                (bestRow, bestScore) = (r, score);
            }
        }

        return (bestRow, bestScore);
    }

    private static string? FieldFor(LedgerKind kind, string header, IReadOnlyDictionary<string, string>? template, string? group = null)
    {
        var normalized = HeaderText.Normalize(header);
        if ((normalized.Length == 0 && group is null) || normalized.Length > 40)
        {
            return null;
        }

        if (Saved(kind, header, group, template) is { } saved)
        {
            return saved;
        }

        return LedgerFields.Match(kind, header, group)?.Name;
    }

    /// <summary>
    /// The field the region's template saved for this column, by its group and header: under another group the
    /// same words mean something else ("形象进度" under "年度计划" is the year's target, not the progress made).
    /// </summary>
    private static string? Saved(LedgerKind kind, string header, string? group, IReadOnlyDictionary<string, string>? template) =>
        template is not null && template.TryGetValue(TemplateKey(header, group), out var saved) && LedgerFields.Find(kind, saved) is not null ? saved : null;

    /// <summary>What a template remembers a column by: its normalized header, after its normalized group if it has one.</summary>
    public static string TemplateKey(string header, string? group)
    {
        var own = HeaderText.Normalize(header);
        return group is null ? own : HeaderText.Normalize(group) + "|" + own;
    }

    private static void ReadSheet(Sheet sheet, int headerRow, LedgerParse parse, LedgerReadOptions options)
    {
        parse.Sheet = sheet.Name;
        parse.HeaderFirstRow = headerRow;
        parse.HeaderLastRow = IsTwoRowHeader(sheet, headerRow, parse.Kind) ? headerRow + 1 : headerRow;

        // Title and note rows above the header: the title names the year; notes state the unit and the date.
        var unitStated = false;
        var notes = sheet.RowNumbers.TakeWhile(r => r < headerRow).SelectMany(r => sheet.CellsOf(r)).Select(x => x.Cell.Text).ToList();
        foreach (var text in notes)
        {
            if (parse.Title is null && text.Trim().Length >= 4)
            {
                parse.Title = text.Trim();
            }

            if (Values.SheetUnit(text) is { } unit)
            {
                parse.Unit = unit.Unit;
                unitStated = true;
            }
        }

        parse.Year = options.Year
            ?? (parse.Title is not null && TitleYear().Match(HeaderText.Canonical(parse.Title)) is { Success: true } y ? int.Parse(y.Groups["y"].Value, CultureInfo.InvariantCulture) : null);
        foreach (var text in notes)
        {
            parse.AsOf ??= Values.AsOf(text, parse.Year ?? options.Today ?? ThisYear);
        }

        parse.Year ??= parse.AsOf?.Year ?? options.Today ?? ThisYear;
        MapColumns(sheet, parse, options);
        var key = LedgerFields.KeyField(parse.Kind);
        if (parse.Columns.All(c => c.Field != key))
        {
            parse.Issues.Add(new LedgerIssue(sheet.Name, headerRow, null, Severity.Error, key == "name" ? IssueCodes.NameMissingColumn : IssueCodes.UnitColumnMissing, []));
            return;
        }

        var hasAmounts = parse.Columns.Any(c => c.Field is { } f && LedgerFields.Find(parse.Kind, f)?.Type == FieldType.Amount);
        if (hasAmounts && !unitStated && parse.Columns.All(c => c.AmountUnit is null || c.Field is null))
        {
            parse.Issues.Add(new LedgerIssue(sheet.Name, 0, null, Severity.Warning, IssueCodes.UnitAssumed, ["万元"]));
        }

        ReadRows(sheet, parse);
    }

    /// <summary>A header is two rows when a group header is merged across columns above its sub-headers, or cells are merged down into the next row.</summary>
    private static bool IsTwoRowHeader(Sheet sheet, int row, LedgerKind kind)
    {
        foreach (var m in sheet.Merges)
        {
            if (m.FirstRow == row && m.LastRow == row && m.LastColumn > m.FirstColumn)
            {
                for (var c = m.FirstColumn; c <= m.LastColumn; c++)
                {
                    if (sheet.Raw(row + 1, c) is { IsBlank: false, Number: null })
                    {
                        return true;
                    }
                }
            }

            if (m.FirstRow == row && m.LastRow == row + 1)
            {
                return true;
            }
        }

        // Without merges: a row of short texts only, at least two of them headers, under a header row.
        var below = sheet.CellsOf(row + 1).ToList();
        if (below.Count < 2 || below.Any(x => x.Cell.Number is not null) || below.Any(x => x.Cell.Text.Trim().Length > 20))
        {
            return false;
        }

        var headers = below.Count(x => LedgerFields.Match(kind, x.Cell.Text, TopToTheLeft(sheet, row, x.Column)) is not null || LedgerFields.NeedsGroup(HeaderText.Normalize(x.Cell.Text)));
        return headers >= 2 && headers * 2 >= below.Count;
    }

    /// <summary>The header cell above a column, or the nearest one to its left when it is blank (a group written once).</summary>
    private static string? TopToTheLeft(Sheet sheet, int row, int column)
    {
        for (var c = column; c >= 1; c--)
        {
            if (sheet.At(row, c)?.Text is { Length: > 0 } text && !string.IsNullOrWhiteSpace(text))
            {
                return text;
            }
        }

        return null;
    }

    private static void MapColumns(Sheet sheet, LedgerParse parse, LedgerReadOptions options)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        var twoRows = parse.HeaderLastRow > parse.HeaderFirstRow;
        for (var c = 1; c <= sheet.ColumnCount; c++)
        {
            var top = sheet.At(parse.HeaderFirstRow, c)?.Text?.Trim() ?? string.Empty;
            var sub = twoRows && sheet.Raw(parse.HeaderLastRow, c) is { Number: null } below ? below.Text.Trim() : string.Empty;
            string? group = null;
            if (sub.Length > 0)
            {
                group = top.Length > 0 ? (HeaderText.Canonical(top) == HeaderText.Canonical(sub) ? null : top) : GroupToTheLeft(sheet, parse, c);
            }

            var header = sub.Length > 0 ? sub : top;
            if (header.Length == 0)
            {
                continue;
            }

            var fromTemplate = false;
            var chosen = false;
            string? field;
            if (options.Columns is not null && options.Columns.TryGetValue(c, out var choice))
            {
                field = LedgerFields.Find(parse.Kind, choice) is null ? null : choice;
                chosen = true;
            }
            else
            {
                fromTemplate = Saved(parse.Kind, header, group, options.Template) is not null;
                field = FieldFor(parse.Kind, header, options.Template, group);
            }

            if (field == LedgerFields.Ignored.Name)
            {
                field = null;
                chosen = true;
            }

            var display = group is null ? header : $"{group} / {header}";
            if (field is not null && !used.Add(field))
            {
                parse.Issues.Add(new LedgerIssue(sheet.Name, parse.HeaderFirstRow, CellReference.ColumnName(c), Severity.Warning, IssueCodes.ColumnRepeated, [display]));
                field = null;
                chosen = true;
            }

            var unmapped = field is null && !chosen && !fromTemplate;
            if (unmapped)
            {
                parse.Issues.Add(new LedgerIssue(sheet.Name, parse.HeaderFirstRow, CellReference.ColumnName(c), Severity.Warning, IssueCodes.ColumnUnmapped, [display]));
            }

            var unit = HeaderText.AmountUnit(header) ?? (group is null ? HeaderText.AmountUnit(top) : HeaderText.AmountUnit(group));
            var period = LedgerFields.Merge(HeaderText.Period(header), HeaderText.Period(group));
            parse.Columns.Add(new ColumnMapping(c, CellReference.ColumnName(c), header, field, fromTemplate, period, unit, group, unmapped));
        }
    }

    /// <summary>A group header written once and not merged: the nearest header to the left over sub-headers of its own.</summary>
    private static string? GroupToTheLeft(Sheet sheet, LedgerParse parse, int column)
    {
        for (var c = column - 1; c >= 1; c--)
        {
            if (sheet.Raw(parse.HeaderLastRow, c) is not { Number: null } sub || sub.IsBlank)
            {
                return null;
            }

            if (sheet.At(parse.HeaderFirstRow, c)?.Text?.Trim() is { Length: > 0 } top)
            {
                return top;
            }
        }

        return null;
    }

    private static void ReadRows(Sheet sheet, LedgerParse parse)
    {
        var numberColumn = parse.Columns.FirstOrDefault(c => c.Field == "number")?.Column;
        var key = LedgerFields.KeyField(parse.Kind);
        var nameColumn = parse.Columns.First(c => c.Field == key).Column;
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        string? section = null;
        string? subsection = null;
        foreach (var r in sheet.RowNumbers.Where(r => r > parse.HeaderLastRow).ToList())
        {
            var cells = sheet.CellsOf(r).ToList();
            if (cells.Count == 0)
            {
                continue;
            }

            if (r <= parse.HeaderLastRow + 1 && IsColumnNumbers(cells))
            {
                continue;
            }

            var first = HeaderText.Canonical(cells[0].Cell.Text);
            if (Footer().IsMatch(first))
            {
                parse.TotalRows.Add(r);
                continue;
            }

            if (cells.Take(3).Any(x => Total().IsMatch(HeaderText.Canonical(x.Cell.Text))))
            {
                parse.TotalRows.Add(r);
                continue;
            }

            if (SectionTitle(sheet, r, cells, numberColumn, nameColumn) is { } title)
            {
                if (title.Level == 1)
                {
                    section = title.Text;
                    subsection = null;
                }
                else
                {
                    subsection = title.Text;
                }

                var full = subsection is null ? section : section is null ? subsection : $"{section} / {subsection}";
                if (full is not null && !parse.Sections.Contains(full))
                {
                    parse.Sections.Add(full);
                }

                continue;
            }

            var row = new LedgerRow { Sheet = sheet.Name, Row = r, Section = subsection is null ? section : section is null ? subsection : $"{section} / {subsection}" };
            ReadFields(sheet, parse, row);
            if (parse.Kind == LedgerKind.Leads)
            {
                CheckLead(parse, row);
            }

            if (row.Text(key) is not { } name)
            {
                parse.Add(row, CellReference.ColumnName(nameColumn), Severity.Error, IssueCodes.Required, LedgerFields.Find(parse.Kind, key)!.Label);
            }
            else if (key == "name")
            {
                var canonical = HeaderText.Canonical(name);
                if (seen.TryGetValue(canonical, out var earlier))
                {
                    parse.Add(row, CellReference.ColumnName(nameColumn), Severity.Error, IssueCodes.DuplicateInFile, name, earlier.ToString(CultureInfo.InvariantCulture));
                }
                else
                {
                    seen[canonical] = r;
                }
            }

            parse.Rows.Add(row);
        }

        if (parse.Rows.Count == 0)
        {
            parse.Issues.Add(new LedgerIssue(sheet.Name, 0, null, Severity.Error, IssueCodes.NoRows, []));
        }
    }

    /// <summary>The row of column numbers (1, 2, 3 … or （1）（2）…) some offices put under the header.</summary>
    private static bool IsColumnNumbers(List<(int Column, SheetCell Cell)> cells)
    {
        if (cells.Count < 3)
        {
            return false;
        }

        for (var i = 0; i < cells.Count; i++)
        {
            var text = HeaderText.Canonical(cells[i].Cell.Text).Trim('（', '）');
            if (text != (i + 1).ToString(CultureInfo.InvariantCulture))
            {
                return false;
            }
        }

        return true;
    }

    private sealed record Title(string Text, int Level);

    /// <summary>
    /// A section row: one text across the row ("一、产业项目（5个）", merged or not), or a Chinese numeral in the
    /// number column with the section's name beside it.
    /// </summary>
    private static Title? SectionTitle(Sheet sheet, int row, List<(int Column, SheetCell Cell)> cells, int? numberColumn, int nameColumn)
    {
        var texts = cells.Where(x => x.Cell.Number is null).Select(x => x.Cell.Text.Trim()).Distinct().ToList();
        string? candidate = null;
        if (texts.Count == 1 && cells.All(x => x.Cell.Number is null))
        {
            var only = texts[0];
            var merged = sheet.MergeAt(row, cells[0].Column) is { } m && m.LastColumn - m.FirstColumn >= 2;
            if (SectionNumbering().IsMatch(HeaderText.Canonical(only)) || merged || cells[0].Column < nameColumn)
            {
                candidate = only;
            }
        }
        else if (numberColumn is { } nc && sheet.Raw(row, nc) is { Number: null } numberCell && ChineseNumeral().IsMatch(HeaderText.Canonical(numberCell.Text)) && cells.Count == 2 && sheet.Raw(row, nameColumn) is { } nameCell)
        {
            candidate = numberCell.Text.Trim() + "、" + nameCell.Text.Trim();
        }

        if (candidate is null)
        {
            return null;
        }

        var canonical = HeaderText.Canonical(candidate);
        var level = SubNumbering().IsMatch(canonical) ? 2 : 1;
        var text = SectionNumbering().Replace(candidate.Trim(), string.Empty);
        text = SectionCount().Replace(text, string.Empty).Trim();
        return new Title(text.Length == 0 ? candidate.Trim() : text, level);
    }

    private static void ReadFields(Sheet sheet, LedgerParse parse, LedgerRow row)
    {
        var year = parse.Year ?? ThisYear;
        foreach (var column in parse.Columns)
        {
            if (column.Field is null || LedgerFields.Find(parse.Kind, column.Field) is not { } field)
            {
                continue;
            }

            var cell = sheet.At(row.Row, column.Column);
            var letter = column.Letter;
            switch (field.Type)
            {
                case FieldType.Text or FieldType.Person or FieldType.Unit:
                    if (Values.Text(cell) is { } text)
                    {
                        if (MaxLength.TryGetValue(field.Name, out var max) && text.Length > max)
                        {
                            parse.Add(row, letter, Severity.Error, IssueCodes.TooLong, field.Label, max.ToString(CultureInfo.InvariantCulture));
                        }
                        else
                        {
                            row.Fields[field.Name] = field.Name == "number" && cell?.Number is { } n ? n.ToString(CultureInfo.InvariantCulture) : text;
                        }
                    }

                    break;
                case FieldType.Units:
                    var units = Values.Split(Values.Text(cell)).ToList();
                    foreach (var tooLong in units.Where(u => u.Length > MaxLength["supportingUnits"]).ToList())
                    {
                        parse.Add(row, letter, Severity.Warning, IssueCodes.TooLong, field.Label, MaxLength["supportingUnits"].ToString(CultureInfo.InvariantCulture));
                        units.Remove(tooLong);
                    }

                    if (units.Count > 0)
                    {
                        row.Fields[field.Name] = units;
                    }

                    break;
                case FieldType.Date:
                    Take(parse, row, letter, field, Values.Date(cell, year));
                    break;
                case FieldType.Day:
                    Take(parse, row, letter, field, Values.Day(cell, year));
                    break;
                case FieldType.Amount:
                    var factor = Values.FactorOf(column.AmountUnit ?? parse.Unit).Factor;
                    Take(parse, row, letter, field, Values.Amount(cell, factor));
                    break;
                case FieldType.Number:
                    Take(parse, row, letter, field, Values.Number(cell));
                    break;
                case FieldType.Stage:
                    Word(parse, field, cell, Take(parse, row, letter, field, Values.Stage(cell)));
                    break;
                case FieldType.LeadStage:
                    Word(parse, field, cell, Take(parse, row, letter, field, Values.LeadStage(cell)));
                    break;
                case FieldType.Source:
                    if (Values.Text(cell) is { } source)
                    {
                        if (source.Length > MaxLength["source"])
                        {
                            parse.Add(row, letter, Severity.Error, IssueCodes.TooLong, field.Label, MaxLength["source"].ToString(CultureInfo.InvariantCulture));
                            break;
                        }

                        row.Fields[field.Name] = source;
                        if (Values.SourceCode(source) is { } code)
                        {
                            row.Fields[field.Name + "Code"] = code;
                        }
                    }

                    break;
                case FieldType.Count:
                    Take(parse, row, letter, field, Values.Count(cell));
                    break;
                case FieldType.FirmCount:
                    var (firms, names) = Values.FirmCount(cell);
                    Take(parse, row, letter, field, firms);
                    if (names.Count > 0)
                    {
                        row.Fields["firmNames"] = names;
                    }

                    break;
                case FieldType.DateSpan:
                    ReadSpan(parse, row, letter, field, cell, year);
                    break;
                case FieldType.Nature:
                    Word(parse, field, cell, Take(parse, row, letter, field, Values.Nature(cell)));
                    break;
                case FieldType.Years:
                    var years = Values.Years(cell);
                    if (years.Failed)
                    {
                        parse.Add(row, letter, Severity.Error, years.Code!, field.Label, years.Arg ?? string.Empty);
                    }
                    else if (years.Value is { } span)
                    {
                        row.Fields["startYear"] = span.Start;
                        row.Fields["endYear"] = span.End;
                    }

                    break;
                case FieldType.Coordinates:
                    var point = Values.Coordinates(cell);
                    if (point.Failed)
                    {
                        parse.Add(row, letter, Severity.Error, point.Code!, field.Label, point.Arg ?? string.Empty);
                    }
                    else if (point.Value is { } p)
                    {
                        row.Fields["longitude"] = p.Longitude;
                        row.Fields["latitude"] = p.Latitude;
                    }

                    break;
                case FieldType.Milestones:
                    ReadMilestones(parse, row, letter, Values.Text(cell), year);
                    break;
                case FieldType.Ignored:
                default:
                    break;
            }
        }
    }

    /// <summary>A trip's days: start and end, and whether the file named only the month (a warning, never a day).</summary>
    private static void ReadSpan(LedgerParse parse, LedgerRow row, string letter, LedgerField field, SheetCell? cell, int year)
    {
        var span = Values.Span(cell, year);
        if (span.Code is not null)
        {
            parse.Add(row, letter, span.Severity, span.Code, field.Label, span.Arg ?? string.Empty);
        }

        if (span.Failed || span.Value is not { } days)
        {
            return;
        }

        var shown = Values.Text(cell) ?? string.Empty;
        if (days.YearAssumed)
        {
            parse.Add(row, letter, Severity.Warning, IssueCodes.DateYearAssumed, field.Label, shown);
        }

        if (days.Approximate)
        {
            parse.Add(row, letter, Severity.Warning, IssueCodes.DateMonthOnly, field.Label, shown);
        }

        row.Fields["startDate"] = days.Start;
        row.Fields["endDate"] = days.End;
        row.Fields["datesApproximate"] = days.Approximate;
    }

    /// <summary>
    /// What a lead's row says beyond its cells: the section is its industry when the industry column is empty (unless
    /// the section names a stage, "一、已签约项目"); a stopped lead's reason from its own column or "终止原因：…" in
    /// the notes, a warning when neither gives one; the last contact not before the first.
    /// </summary>
    private static void CheckLead(LedgerParse parse, LedgerRow row)
    {
        var industry = row.Section?.Split(" / ")[^1];
        if (row.Text("industry") is null && industry is { Length: > 0 } && !StageInSection().IsMatch(industry))
        {
            row.Fields["industry"] = industry;
        }

        if (row.Fields.TryGetValue("stage", out var stage) && stage is Values.LeadTerminated && row.Text("terminationReason") is null)
        {
            if (row.Text("notes") is { } notes && TerminationInNotes().Match(notes) is { Success: true } m && m.Groups["r"].Value.Trim() is { Length: > 0 } reason)
            {
                row.Fields["terminationReason"] = reason;
            }
            else
            {
                var column = parse.Columns.FirstOrDefault(c => c.Field == "stage")?.Letter;
                parse.Add(row, column, Severity.Warning, IssueCodes.TerminationReasonMissing, row.Text("name") ?? string.Empty);
            }
        }

        if (row.Get<DateOnly?>("firstContact") is { } first && row.Get<DateOnly?>("lastContact") is { } last && last < first)
        {
            var column = parse.Columns.FirstOrDefault(c => c.Field == "lastContact")?.Letter;
            parse.Add(row, column, Severity.Warning, IssueCodes.ContactDatesReversed, first.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), last.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }
    }

    private static Read<T> Take<T>(LedgerParse parse, LedgerRow row, string letter, LedgerField field, Read<T> read)
    {
        if (read.Code is not null)
        {
            parse.Add(row, letter, read.Severity, read.Code, field.Label, read.Arg ?? string.Empty);
        }

        if (!read.Failed && read.Value is not null)
        {
            row.Fields[field.Name] = read.Value;
        }

        return read;
    }

    /// <summary>Remembers how a stage or nature word was read, once per word, for the review page's table.</summary>
    private static void Word(LedgerParse parse, LedgerField field, SheetCell? cell, Read<int?> read)
    {
        if (Values.Text(cell) is not { } text)
        {
            return;
        }

        // A few hundred distinct words are a table to read; a sheet of thousands of them is flagged cell by cell anyway.
        var key = Values.WordKey(text);
        if (key.Length > 0 && key.Length <= 40 && parse.Words.Count < 200 && !parse.Words.Any(w => w.Field == field.Name && w.Text == key))
        {
            parse.Words.Add(new WordReading(field.Name, key, read.Failed ? null : read.Value));
        }
    }

    /// <summary>"10月底前签约1个；11月底前签约2个": one milestone per part that names a date; other parts are kept as a note.</summary>
    private static void ReadMilestones(LedgerParse parse, LedgerRow row, string letter, string? text, int year)
    {
        if (text is null)
        {
            return;
        }

        var milestones = new List<MilestoneText>();
        var notes = new List<string>();
        foreach (var part in MilestoneSeparators().Split(text).Select(p => p.Trim()).Where(p => p.Length > 0))
        {
            var canonical = HeaderText.Canonical(part);
            var found = DateInText().Match(canonical);
            if (found.Success && Values.DateText(found.Value, year) is { Value: { } due, Failed: false })
            {
                milestones.Add(new MilestoneText(part.Length > 300 ? part[..300] : part, due));
            }
            else
            {
                notes.Add(part);
                parse.Add(row, letter, Severity.Warning, IssueCodes.MilestoneUnreadable, "时间节点", part);
            }
        }

        if (milestones.Count > 0)
        {
            row.Fields["milestones"] = milestones;
        }

        if (notes.Count > 0)
        {
            row.Fields["milestoneNotes"] = string.Join("；", notes);
        }
    }

    [GeneratedRegex(@"说明|须知|注意事项|instruction|readme|填报要求|字典|下拉|选项", RegexOptions.IgnoreCase)]
    private static partial Regex Instructions();

    [GeneratedRegex(@"(?<y>20\d{2})年")]
    private static partial Regex TitleYear();

    [GeneratedRegex(@"(签约|在谈|洽谈|意向|落地|注册|终止|暂停|放弃|线索|开工)")]
    private static partial Regex StageInSection();

    [GeneratedRegex(@"(终止|暂停|放弃)(原因|理由)\s*[:：]\s*(?<r>[^；;。\n]+)")]
    private static partial Regex TerminationInNotes();

    [GeneratedRegex(@"^(填表人|填报人|审核人|制表人|联系人|联系电话|单位负责人|负责人|审核|制表|填表|注[:：]|备注[:：]|说明[:：])")]
    private static partial Regex Footer();

    [GeneratedRegex(@"^(合计|总计|小计|总合计|全县合计|全市合计|累计)(（.*）)?$")]
    private static partial Regex Total();

    [GeneratedRegex(@"^\s*([一二三四五六七八九十]+\s*[、.．]|[（(][一二三四五六七八九十]+[）)]|第[一二三四五六七八九十]+(部分|类|章)[、:：]?)\s*")]
    private static partial Regex SectionNumbering();

    [GeneratedRegex(@"^（[一二三四五六七八九十]+）")]
    private static partial Regex SubNumbering();

    [GeneratedRegex(@"^([一二三四五六七八九十]+|（[一二三四五六七八九十]+）)$")]
    private static partial Regex ChineseNumeral();

    [GeneratedRegex(@"[（(](共)?\d+(个|项)[）)]$")]
    private static partial Regex SectionCount();

    [GeneratedRegex(@"[；;。\n\r]+")]
    private static partial Regex MilestoneSeparators();

    [GeneratedRegex(@"(20\d{2}[-/.年]\d{1,2}[-/.月]\d{1,2}日?|(20\d{2}年)?\d{1,2}月(\d{1,2}[日号]|底|末|上旬|中旬|下旬|初|中)?|(20\d{2}年)?(年底|年末|上半年|下半年)|(20\d{2}年)?(第)?[一二三四1-4]季度(末|底)?)")]
    private static partial Regex DateInText();
}

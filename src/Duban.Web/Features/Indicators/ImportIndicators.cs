using System.Text.Json.Nodes;
using Duban.Data;
using Duban.Domain.Indicators;
using Duban.Domain.Organisation;
using Duban.Sheets;
using Duban.Sheets.Indicators;
using Duban.Sheets.Ledgers;
using Duban.Web.Features.LedgerFiles;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Duban.Web.Features.Indicators;

/// <summary>A statistics table to read, and what the person chose: the year when the file gives none, and which revision its figures are.</summary>
public sealed record IndicatorImportRequest(string FileName, byte[] Content, int? Year = null, Revision Revision = Revision.Flash);

/// <summary>One thing wrong or doubtful, in the reader's words and then in the person's language.</summary>
public sealed record IndicatorImportIssue(int Row, string? Column, Severity Severity, string Code, string Message);

public sealed record IndicatorImportTable(string Sheet, string? Title, IndicatorTableShape Shape, int? Year, int? PeriodFrom, int? PeriodTo, IReadOnlyList<IndicatorRow> Rows, IReadOnlyList<IndicatorImportIssue> Issues);

/// <summary>What the file holds and what was (or would be) written: figures, targets set, indicators added to the catalogue.</summary>
public sealed record IndicatorImportResult(string? FileError, int? Year, int? PeriodTo, IReadOnlyList<IndicatorImportTable> Tables, bool Written, int Figures, int Targets, IReadOnlyList<string> Created)
{
    public int Errors => Tables.Sum(t => t.Issues.Count(i => i.Severity == Severity.Error)) + (FileError is null ? 0 : 1);

    /// <summary>The CLI's and the API's JSON: the reader's fields as numbers, unitName only on a unit's rows, every issue with its message.</summary>
    public JsonObject ToJson()
    {
        var tables = new JsonArray();
        foreach (var t in Tables)
        {
            var rows = new JsonArray();
            foreach (var r in t.Rows)
            {
                var f = r.Fields;
                var fields = new JsonObject { ["indicator"] = f.Indicator, ["parent"] = f.Parent, ["measure"] = f.Measure };
                if (f.UnitName is not null)
                {
                    fields["unitName"] = f.UnitName;
                }

                fields["periodFrom"] = f.PeriodFrom;
                fields["periodTo"] = f.PeriodTo;
                fields["value"] = f.Value;
                fields["yoy"] = f.Yoy;
                fields["annualTarget"] = f.AnnualTarget;
                fields["targetGrowth"] = f.TargetGrowth;
                fields["completionRate"] = f.CompletionRate;
                fields["timeProgress"] = f.TimeProgress;
                fields["rank"] = f.Rank;
                rows.Add(new JsonObject { ["row"] = r.Row, ["fields"] = fields });
            }

            var issues = new JsonArray();
            foreach (var i in t.Issues)
            {
                issues.Add(new JsonObject { ["row"] = i.Row, ["column"] = i.Column, ["severity"] = i.Severity == Severity.Error ? "error" : "warning", ["code"] = i.Code, ["message"] = i.Message });
            }

            tables.Add(new JsonObject { ["sheet"] = t.Sheet, ["title"] = t.Title, ["shape"] = t.Shape.ToString(), ["rows"] = rows, ["issues"] = issues });
        }

        return new JsonObject
        {
            ["year"] = Year,
            ["periodTo"] = PeriodTo,
            ["fileError"] = FileError,
            ["written"] = Written,
            ["errors"] = Errors,
            ["figures"] = Figures,
            ["targets"] = Targets,
            ["created"] = new JsonArray(Created.Select(c => (JsonNode?)c).ToArray()),
            ["tables"] = tables,
        };
    }
}

/// <summary>Who imports: the region, the name the figures are recorded under, and the region's clock.</summary>
public sealed record IndicatorImporter(int RegionId, string Name, DateOnly Today, DateTime UtcNow);

/// <summary>
/// Imports the statistics bureau's monthly tables (统计月报) as they come: read by <see cref="IndicatorTableReader"/>,
/// checked against the region (units named, indicators known or given a target so they can be added, periods the
/// indicator is published for, measures that agree), and — only when nothing is wrong — written in one
/// transaction: each figure as the revision chosen, targets where the table gives them, then the indicators' lights.
/// A table with any error writes nothing and says why, row by row.
/// </summary>
public sealed class ImportIndicators(DubanDb db, IndicatorWork work, IStringLocalizer<SharedResource> l)
{
    public async Task<IndicatorImportResult> RunAsync(IndicatorImporter who, IndicatorImportRequest request, bool commit, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(who);
        ArgumentNullException.ThrowIfNull(request);
        Workbook book;
        try
        {
            book = LedgerFile.Open(request.FileName, request.Content);
        }
        catch (SheetException e)
        {
            return new IndicatorImportResult(LedgerFile.Message(l, e), null, null, [], false, 0, 0, []);
        }

        var read = IndicatorTableReader.Read(book, new IndicatorReadOptions { Year = request.Year });
        var units = await db.Units.AsNoTracking().Where(u => u.RegionId == who.RegionId && u.IsActive).ToListAsync(ct);
        var unitByName = new Dictionary<string, Unit>(StringComparer.Ordinal);
        foreach (var u in units.OrderBy(u => u.Path, StringComparer.Ordinal))
        {
            unitByName.TryAdd(u.Name, u);
            if (u.ShortName is { Length: > 0 } shortName)
            {
                unitByName.TryAdd(shortName, u);
            }
        }

        var catalogue = await db.Indicators.Where(i => i.RegionId == who.RegionId).ToDictionaryAsync(i => i.Name, StringComparer.Ordinal, ct);
        var withTarget = read.Tables.SelectMany(t => t.Rows).Where(r => r.Fields.AnnualTarget is not null || r.Fields.TargetGrowth is not null).Select(r => r.Fields.Indicator).ToHashSet(StringComparer.Ordinal);

        // A towns table's total row is the towns' sum; where the file also gives the region's own row, that row is the region's figure.
        var regionRows = read.Tables.Where(t => t.Shape == IndicatorTableShape.IndicatorsAsRows).SelectMany(t => t.Rows)
            .Where(r => r.Fields.UnitName is null).Select(r => (r.Fields.Indicator, r.Fields.PeriodTo)).ToHashSet();
        var tables = new List<IndicatorImportTable>();
        var plans = new List<(IndicatorTable Table, IndicatorRow Row, int Year, Unit? Unit)>();
        foreach (var table in read.Tables)
        {
            var issues = table.Issues.Select(i => new IndicatorImportIssue(i.Row, i.Column, i.Severity, i.Code, Message(i.Code, i.Args))).ToList();
            foreach (var row in table.Rows)
            {
                var f = row.Fields;
                Unit? unit = null;
                if (f.UnitName is { } name && !unitByName.TryGetValue(name, out unit))
                {
                    issues.Add(Issue(row.Row, Severity.Error, "unitUnknown", name));
                    continue;
                }

                if (table.Shape == IndicatorTableShape.UnitsAsRows && f.UnitName is null && regionRows.Contains((f.Indicator, f.PeriodTo)))
                {
                    issues.Add(Issue(row.Row, Severity.Warning, "totalLeftOut", f.Indicator));
                    continue;
                }

                var known = catalogue.GetValueOrDefault(f.Indicator);
                if (known is null && !withTarget.Contains(f.Indicator))
                {
                    issues.Add(Issue(row.Row, Severity.Error, "indicatorUnknown", f.Indicator));
                    continue;
                }

                if (known is not null && f.PeriodTo is { } to && !known.PeriodsOfYear().Contains(to))
                {
                    issues.Add(Issue(row.Row, Severity.Error, "periodNotPublished", f.Indicator, to.ToString(System.Globalization.CultureInfo.InvariantCulture), string.Join("、", known.PeriodsOfYear())));
                    continue;
                }

                var fields = f;
                if (known?.Measure is { } measure && f.Measure is { } written && !Same(measure, written) && (f.Value is not null || f.AnnualTarget is not null))
                {
                    if (Factor(written, measure) is not { } factor)
                    {
                        issues.Add(Issue(row.Row, Severity.Error, "measureDiffers", f.Indicator, written, measure));
                        continue;
                    }

                    // 万元 in the table, 亿元 in the catalogue (or the other way): the same money, written in another unit.
                    fields = f with { Value = f.Value * factor, AnnualTarget = f.AnnualTarget * factor, Measure = measure };
                    issues.Add(Issue(row.Row, Severity.Warning, "measureConverted", f.Indicator, written, measure));
                }

                if ((table.Year ?? read.Year ?? request.Year) is not { } year || f.PeriodTo is null)
                {
                    // The reader has said why the period or the year cannot be read; a row is never written without one.
                    if (!issues.Any(i => i.Severity == Severity.Error && (i.Row == row.Row || i.Row == 0)))
                    {
                        issues.Add(Issue(row.Row, Severity.Error, IndicatorIssueCodes.PeriodUnreadable, f.Indicator));
                    }

                    continue;
                }

                if (known is null)
                {
                    issues.Add(Issue(row.Row, Severity.Warning, "indicatorCreated", f.Indicator));
                }

                plans.Add((table, row with { Fields = fields }, year, unit));
            }

            tables.Add(new IndicatorImportTable(table.Sheet, table.Title, table.Shape, table.Year, table.PeriodFrom, table.PeriodTo, table.Rows, issues));
        }

        var created = plans.Select(p => p.Row.Fields.Indicator).Where(n => !catalogue.ContainsKey(n)).Distinct(StringComparer.Ordinal).ToList();
        var errors = tables.Sum(t => t.Issues.Count(i => i.Severity == Severity.Error));
        var targets = plans.Count(p => p.Row.Fields.AnnualTarget is not null || p.Row.Fields.TargetGrowth is not null);
        if (!commit || errors > 0 || plans.Count == 0)
        {
            return new IndicatorImportResult(null, read.Year, read.PeriodTo, tables, false, plans.Count, targets, created);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var root = units.Where(u => u.ParentId == null).OrderBy(u => u.Id).First();
        var order = await db.Indicators.Where(i => i.RegionId == who.RegionId).MaxAsync(i => (int?)i.SortOrder, ct) ?? 0;
        foreach (var name in created)
        {
            var rows = plans.Where(p => p.Row.Fields.Indicator == name).ToList();
            var first = rows[0];
            var quarterly = rows.All(r => r.Row.Fields.PeriodTo is 3 or 6 or 9 or 12) && rows.Any(r => r.Row.Fields.PeriodTo != (r.Table.PeriodTo ?? r.Row.Fields.PeriodTo));
            var indicator = new Indicator
            {
                RegionId = who.RegionId,
                Name = name,
                Measure = first.Row.Fields.Measure,
                Kind = quarterly ? IndicatorKind.QuarterlyCumulative : IndicatorKind.Cumulative,
                FirstMonth = rows.Min(r => r.Row.Fields.PeriodTo) == 2 ? 2 : 1,
                PublishesValue = rows.Any(r => r.Row.Fields.Value is not null),
                LeadUnitId = root.Id,
                SortOrder = order += 10,
            };
            db.Indicators.Add(indicator);
            catalogue[name] = indicator;
        }

        await db.SaveChangesAsync(ct);
        foreach (var name in created)
        {
            if (plans.First(p => p.Row.Fields.Indicator == name).Row.Fields.Parent is { } parent && catalogue.TryGetValue(parent, out var p) && p.ParentId is null && p.Name != name)
            {
                catalogue[name].ParentId = p.Id;
            }
        }

        // Every target and figure the rows may replace, read at once rather than asked for row by row.
        await work.PreloadAsync(plans.Select(p => catalogue[p.Row.Fields.Indicator].Id).ToHashSet(), plans.Select(p => p.Year).ToHashSet(),
            plans.Select(p => p.Row.Fields.PeriodTo!.Value).ToHashSet(), request.Revision, ct);
        var years = new HashSet<int>();
        var source = $"{request.FileName}（{who.Name}）";
        foreach (var (table, row, year, unit) in plans)
        {
            var f = row.Fields;
            var indicator = catalogue[f.Indicator];
            years.Add(year);
            if (f.AnnualTarget is not null || f.TargetGrowth is not null)
            {
                var target = await work.TargetAsync(indicator, year, unit, l["Indicators.LedgerName", year], who.Today, who.UtcNow, ct);
                var total = table.Shape == IndicatorTableShape.UnitsAsRows && unit is null;
                if (!total || target.Value is null)
                {
                    target.Value = f.AnnualTarget ?? target.Value;
                }

                if (!total || target.Growth is null)
                {
                    target.Growth = f.TargetGrowth ?? target.Growth;
                }
            }
            else if (unit is null)
            {
                // The region's figures are answerable work even before the office sets a target.
                await work.TargetAsync(indicator, year, null, l["Indicators.LedgerName", year], who.Today, who.UtcNow, ct);
            }

            if (f.Value is not null || f.Yoy is not null || f.Rank is not null)
            {
                await work.StoreAsync(indicator, year, f.PeriodFrom ?? 1, f.PeriodTo!.Value, unit?.Id, null, f.Value, f.Yoy, f.Rank, request.Revision, source, who.UtcNow, ct);
            }
        }

        await db.SaveChangesAsync(ct);
        // The indicators the file is about; the others' figures and targets are as they were.
        foreach (var year in years)
        {
            await work.RefreshAsync(who.RegionId, year, plans.Where(p => p.Year == year).Select(p => catalogue[p.Row.Fields.Indicator].Id).Distinct().ToList(), ct);
        }

        await transaction.CommitAsync(ct);
        return new IndicatorImportResult(null, read.Year, read.PeriodTo, tables, true, plans.Count, targets, created);
    }

    private static bool Same(string a, string b) => string.Equals(a.Trim(), b.Trim(), StringComparison.Ordinal);

    private static readonly Dictionary<string, decimal> Yuan = new(StringComparer.Ordinal) { ["元"] = 1m, ["万元"] = 10_000m, ["亿元"] = 100_000_000m };

    /// <summary>What a figure written in one money unit is multiplied by to be in another; null when they are not both money.</summary>
    private static decimal? Factor(string from, string to) =>
        Yuan.TryGetValue(from.Trim(), out var a) && Yuan.TryGetValue(to.Trim(), out var b) ? a / b : null;

    private string Message(string code, IReadOnlyList<string> args) => l["IndicatorImport." + code, args.Cast<object>().ToArray()];

    private IndicatorImportIssue Issue(int row, Severity severity, string code, params string[] args) => new(row, null, severity, code, Message(code, args));
}

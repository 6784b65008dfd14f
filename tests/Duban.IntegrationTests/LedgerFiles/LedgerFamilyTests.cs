using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Duban.Data;
using Duban.Domain.Organisation;
using Duban.Domain.Work;
using Duban.IntegrationTests.Infrastructure;
using Duban.Sheets;
using Duban.Sheets.Ledgers;
using Duban.Web;
using Duban.Web.Features.LedgerFiles;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Xunit.Abstractions;

namespace Duban.IntegrationTests.LedgerFiles;

/// <summary>
/// Hundreds of generated ledgers through the real import (the code the page, the API and the command line call):
/// every fact compared field by field, and a fuzz pass over mutated files that must give a clear error or a
/// result, never an exception. Runs in a region of its own, so no other test's template changes the mapping.
/// </summary>
public abstract partial class LedgerFamilyTests(DubanFactory app, ITestOutputHelper output)
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 2, 0, 0, TimeSpan.Zero);

    private const int FamilySize = 300;

    [Fact]
    public async Task Every_fact_of_a_generated_family_of_ledgers_is_read_or_flagged_and_none_is_wrong()
    {
        using var pin = app.Clock.Pin(Now);
        var actor = await ActorAsync();
        var watch = Stopwatch.StartNew();
        var score = new Score();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var import = scope.ServiceProvider.GetRequiredService<LedgerImport>();
            foreach (var ledger in LedgerFamily.Generate(FamilySize))
            {
                var kind = ledger.Kind == LedgerKind.Projects ? WorkItemKind.KeyProject : WorkItemKind.Task;
                var preview = await import.PreviewAsync(actor, new ImportRequest(kind, null, ledger.FileName, ledger.Content));
                score.Compare(ledger, preview);
            }
        }

        watch.Stop();
        score.Print(output, watch.Elapsed);
        Assert.True(score.Wrong.Count == 0, "Wrong facts:\n" + string.Join("\n", score.Wrong.Take(30)));
        Assert.True(score.Lost.Count == 0, "Facts lost without a word:\n" + string.Join("\n", score.Lost.Take(30)));
        Assert.Equal(score.Uncertain, score.UncertainFlagged);
        Assert.True(score.Accuracy >= 0.99, $"Fact-level accuracy {score.Accuracy:P2}");
    }

    [Fact]
    public async Task Mutated_ledgers_give_a_clear_error_or_a_result_never_an_exception()
    {
        using var pin = app.Clock.Pin(Now);
        var actor = await ActorAsync();
        var watch = Stopwatch.StartNew();
        var outcomes = new Dictionary<string, int>(StringComparer.Ordinal);
        var tried = 0;
        var committed = 0;
        var mutants = new List<(string Name, byte[] Content, WorkItemKind Kind)>();
        var committable = new List<(string Name, byte[] Content, WorkItemKind Kind)>();
        foreach (var ledger in LedgerFamily.Generate(40, firstSeed: 5001))
        {
            var kind = ledger.Kind == LedgerKind.Projects ? WorkItemKind.KeyProject : WorkItemKind.Task;
            var rnd = new Random(ledger.Seed);
            for (var i = 0; i < 10; i++)
            {
                var (how, content) = Mutate(rnd, ledger, i);
                mutants.Add(($"{how}-{ledger.Seed}-{i}.{(how == "csv" ? "csv" : "xlsx")}", content, kind));
            }
        }

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var services = scope.ServiceProvider;
            var l = services.GetRequiredService<IStringLocalizer<SharedResource>>();
            foreach (var (name, content, kind) in mutants)
            {
                tried++;
                var preview = await services.GetRequiredService<LedgerImport>().PreviewAsync(actor, new ImportRequest(kind, null, name, content, CreateMissing: true));
                var outcome = Outcome(preview);
                if (preview.CanCommit)
                {
                    committable.Add((name, content, kind));
                }

                outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
                Assert.True(preview.FileError is null || IsClear(preview.FileError), $"{name}: {preview.FileError}");

                // The import's last line of defence (a fault while reading, turned into a message) is never needed here:
                // the reader itself meets every one of these files with a clear error or a result.
                Assert.NotEqual(l["Import.File.Unexpected"].Value, preview.FileError);

                // Every issue words itself in the person's language, and the whole answer renders.
                Assert.All(preview.Issues, i => Assert.NotEqual(i.Code, ImportJson.Message(l, i)));
                Assert.NotNull(ImportJson.Of(preview, null, l).ToJsonString());
            }
        }

        // Those that can be written, written, each in its own request as the page and the API do: all of it, or a clear error.
        foreach (var (name, content, kind) in committable.Where((_, i) => i % 4 == 0))
        {
            await using var scope = app.Services.CreateAsyncScope();
            var (preview, result) = await scope.ServiceProvider.GetRequiredService<LedgerImport>().CommitAsync(actor, new ImportRequest(kind, null, name, content, CreateMissing: true));
            // Not written only with its reasons: a file error, or the issues of a file that no longer has a row to write
            // (the templates the commits before it saved map its columns differently).
            Assert.True(result is not null || preview.FileError is not null || !preview.CanCommit, name + ": " + string.Join("; ", preview.Issues.Where(i => i.Severity == Severity.Error).Take(5)));
            Assert.True(preview.FileError is null || IsClear(preview.FileError), $"{name}: {preview.FileError}");
            committed += result is null ? 0 : 1;
        }

        // And a few through the API, in English: never a 500.
        var office = await app.Data.ApiClientAsync("duchashi", "en");
        foreach (var (name, content, kind) in mutants.Where((_, i) => i % 40 == 3))
        {
            using var form = new MultipartFormDataContent
            {
                { new ByteArrayContent(content), "file", name },
                { new StringContent(kind == WorkItemKind.KeyProject ? "projects" : "tasks"), "kind" },
                { new StringContent("true"), "dryRun" },
            };
            var response = await office.PostAsync("/api/v1/imports", form);
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.UnprocessableEntity, $"{name}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        watch.Stop();
        output.WriteLine($"Fuzz pass: {tried} mutated files read in {watch.Elapsed.TotalSeconds:0.0} s, {committed} of them committed; no exception.");
        foreach (var (outcome, count) in outcomes.OrderByDescending(x => x.Value))
        {
            output.WriteLine($"  {count,4}  {outcome}");
        }
    }

    private static bool IsClear(string message) => message.Length > 5 && !message.StartsWith("Import.", StringComparison.Ordinal);

    private static string Outcome(ImportPreview preview) =>
        preview.FileError is { } error ? "file refused: " + error
        : preview.Parse!.HasFileErrors ? "no data: " + string.Join(", ", preview.Parse.Issues.Where(i => i.Row == 0 && i.Severity == Severity.Error).Select(i => i.Code).Distinct())
        : $"read: {(preview.Rows.Any(r => r.Action != RowAction.LeaveOut) ? "rows to import" : "every row flagged")}";

    // ---------------------------------------------------------------- mutations

    /// <summary>The i-th mutation of a ledger: its cells, merges and sheets changed, its XML broken, or its bytes cut or flipped.</summary>
    private static (string How, byte[] Content) Mutate(Random rnd, GeneratedLedger ledger, int i)
    {
        if (i == 9)
        {
            return ("csv", MutateCsv(rnd, LedgerFamily.Grids(ledger).MaxBy(g => g.Rows.Count)!));
        }

        switch (i % 5)
        {
            case 0 or 1:
                var grids = LedgerFamily.Grids(ledger);
                var data = grids.MaxBy(g => g.Rows.Count)!;
                for (var k = rnd.Next(1, 12); k > 0; k--)
                {
                    MutateGrid(rnd, grids, data);
                }

                return ("cells", LedgerFamily.Write(grids));
            case 2:
                return ("xml", MutateXml(rnd, ledger.Content));
            case 3:
                return ("truncated", ledger.Content[..rnd.Next(0, ledger.Content.Length)]);
            default:
                var bytes = (byte[])ledger.Content.Clone();
                for (var k = rnd.Next(1, 20); k > 0; k--)
                {
                    bytes[rnd.Next(bytes.Length)] = (byte)rnd.Next(256);
                }

                return ("bytes", bytes);
        }
    }

    private static readonly CellValue[] Junk =
    [
        CellValue.Of("约2.1"), CellValue.Of("-"), CellValue.Of("—"), CellValue.Of(string.Empty), CellValue.Of(new string('长', 5000)),
        CellValue.Of("=SUM(A1:A9)"), CellValue.Of("2026-02-30"), CellValue.Of("0000-00-00"), CellValue.Of("9999年99月"), CellValue.Of("一周内"),
        CellValue.Of(-1m), CellValue.Of(0m), CellValue.Of(decimal.MaxValue), CellValue.Of(decimal.MinValue), CellValue.Of(0.0000001m),
        CellValue.Of(2026.1m), CellValue.Of(99_999_999m), CellValue.Of(DateOnly.MinValue), CellValue.Of(DateOnly.MaxValue), CellValue.Of(new DateOnly(1900, 1, 1)),
        CellValue.Of("合计"), CellValue.Of("一、新的分组"), CellValue.Of("项目名称"), CellValue.Of("填表人："), CellValue.Of("1.2亿亿"), CellValue.Of("120.5,200.3"),
        CellValue.Of("2026-2020"), CellValue.Of("终止"), CellValue.Of("\u0001\u0002控制字符"), CellValue.Of("县发改局、县发改局、" + new string('局', 300)),
        CellValue.Of(new string('名', 600)), CellValue.Of("　"), CellValue.Of("'"), CellValue.Of("NaN"), CellValue.Of("1e400"), CellValue.Of("−5"),
    ];

    private static void MutateGrid(Random rnd, List<LedgerFamily.Grid> grids, LedgerFamily.Grid data)
    {
        var width = Math.Max(1, data.Rows.Max(r => r.Length));
        switch (rnd.Next(9))
        {
            case 0 or 1 or 2:
                if (data.Rows.Count > 0)
                {
                    var row = data.Rows[rnd.Next(data.Rows.Count)];
                    var c = rnd.Next(width);
                    if (c < row.Length)
                    {
                        row[c] = Junk[rnd.Next(Junk.Length)];
                    }
                }

                break;
            case 3:
                var r1 = rnd.Next(1, data.Rows.Count + 3);
                var c1 = rnd.Next(1, width + 2);
                data.Merge(r1, c1, r1 + rnd.Next(0, 6), c1 + rnd.Next(0, 4));
                break;
            case 4:
                data.Merge(1, 1, rnd.Next(1, 200_000), rnd.Next(1, 200));
                break;
            case 5:
                if (data.Rows.Count > 1)
                {
                    data.Rows.RemoveAt(rnd.Next(data.Rows.Count));
                }

                break;
            case 6:
                if (data.Rows.Count > 0)
                {
                    data.Rows.Insert(rnd.Next(data.Rows.Count), data.Rows[rnd.Next(data.Rows.Count)]);
                }

                break;
            case 7:
                var first = grids[0];
                grids.RemoveAt(0);
                grids.Insert(rnd.Next(grids.Count + 1), first);
                data.Name = rnd.Next(3) == 0 ? "填报说明" : data.Name;
                break;
            default:
                data.Merges.Clear();
                break;
        }
    }

    /// <summary>Breaks the workbook's XML: numbers no double can hold, strings that point nowhere, bad references, sheets that vanish.</summary>
    private static byte[] MutateXml(Random rnd, byte[] content)
    {
        var parts = new Dictionary<string, string>(StringComparer.Ordinal);
        using (var zip = new ZipArchive(new MemoryStream(content), ZipArchiveMode.Read))
        {
            foreach (var entry in zip.Entries)
            {
                using var reader = new StreamReader(entry.Open(), Encoding.UTF8);
                parts[entry.FullName] = reader.ReadToEnd();
            }
        }

        var sheetName = parts.Keys.Where(k => k.StartsWith("xl/worksheets/", StringComparison.Ordinal)).OrderBy(k => k, StringComparer.Ordinal).First();
        var sheet = parts[sheetName];
        for (var k = rnd.Next(1, 6); k > 0; k--)
        {
            sheet = rnd.Next(10) switch
            {
                0 => ValueTag().Replace(sheet, m => rnd.Next(4) == 0 ? "<v>" + Pick(rnd, "1E+300", "-1E+300", "NaN", "Infinity", "abc", "", "1e-320", "4.9E-324", "79228162514264337593543950336") + "</v>" : m.Value, 40),
                1 => sheet.Replace("t=\"inlineStr\"", rnd.Next(2) == 0 ? "t=\"s\"" : "t=\"d\"", StringComparison.Ordinal),
                2 => sheet.Replace("</mergeCells>", "<mergeCell ref=\"" + Pick(rnd, "ZZZZ1:A0", "B5:A1", "A1", "A1:XFD1048576", "Q:Q", "A-1:B2", "") + "\"/></mergeCells>", StringComparison.Ordinal),
                3 => RowTag().Replace(sheet, m => rnd.Next(6) == 0 ? $"<row r=\"{Pick(rnd, "0", "-5", "99999999", "x", "2147483648")}\"" : m.Value),
                4 => CellRef().Replace(sheet, m => rnd.Next(8) == 0 ? $"r=\"{Pick(rnd, "A0", "ZZZZZ1", "1A", "", "XFD1048577")}\"" : m.Value),
                5 => sheet.Replace(" s=\"6\"", " s=\"99999\"", StringComparison.Ordinal),
                6 => sheet.Replace("</sheetData>", string.Empty, StringComparison.Ordinal),
                7 => sheet.Insert(rnd.Next(sheet.Length), "<c r=\"B2\" t=\"b\"><v>2</v></c>"),
                8 => sheet.Replace("<v>", "<v>-", StringComparison.Ordinal),
                _ => sheet[..rnd.Next(sheet.Length)],
            };
        }

        parts[sheetName] = sheet;
        if (rnd.Next(4) == 0)
        {
            parts["xl/workbook.xml"] = parts["xl/workbook.xml"].Replace("r:id=\"rId1\"", "r:id=\"rId9\"", StringComparison.Ordinal);
        }

        if (rnd.Next(4) == 0)
        {
            parts.Remove("xl/styles.xml");
        }

        if (rnd.Next(5) == 0)
        {
            parts["xl/workbook.xml"] = parts["xl/workbook.xml"].Replace("<bookViews>", "<workbookPr date1904=\"1\"/><bookViews>", StringComparison.Ordinal);
        }

        var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, text) in parts)
            {
                using var stream = zip.CreateEntry(name).Open();
                stream.Write(Encoding.UTF8.GetBytes(text));
            }
        }

        return output.ToArray();
    }

    /// <summary>The data sheet saved as CSV (as Excel and WPS save it), then cut, with stray quotes, or bytes no encoding reads.</summary>
    private static byte[] MutateCsv(Random rnd, LedgerFamily.Grid grid)
    {
        static string Field(CellValue? v) => v switch
        {
            null => string.Empty,
            { Number: { } n } => n.ToString(CultureInfo.InvariantCulture),
            { Date: { } d } => d.ToString("yyyy/M/d", CultureInfo.InvariantCulture),
            { Text: { } t } when t.IndexOfAny([',', '"', '\n', '\r']) >= 0 => "\"" + t.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"",
            { Text: { } t } => t,
            _ => string.Empty,
        };

        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var text = string.Join("\r\n", grid.Rows.Select(r => string.Join(",", r.Select(Field))));
        var bytes = rnd.Next(3) == 0 ? Encoding.GetEncoding("GB18030").GetBytes(text) : Encoding.UTF8.GetBytes(text);
        return rnd.Next(4) switch
        {
            0 => bytes[..rnd.Next(bytes.Length)],
            1 => [.. bytes.Take(bytes.Length / 2), (byte)'"', .. bytes.Skip(bytes.Length / 2)],
            2 => [.. bytes.Select(b => rnd.Next(50) == 0 ? (byte)rnd.Next(0x80, 0x100) : b)],
            _ => bytes,
        };
    }

    private static T Pick<T>(Random rnd, params T[] items) => items[rnd.Next(items.Length)];

    [GeneratedRegex("<v>[^<]*</v>")]
    private static partial Regex ValueTag();

    [GeneratedRegex("<row r=\"\\d+\"")]
    private static partial Regex RowTag();

    [GeneratedRegex("r=\"[A-Z]+\\d+\"")]
    private static partial Regex CellRef();

    // ---------------------------------------------------------------- the family's region

    /// <summary>A region of the family's own units and leaders (and no template yet), and the office acting in it.</summary>
    private async Task<ImportActor> ActorAsync()
    {
        var regionId = await app.WithDbAsync(async db =>
        {
            var region = new Region { Name = "台账测试县", Code = "97" + Guid.NewGuid().ToString("N")[..4] };
            db.Regions.Add(region);
            await db.SaveChangesAsync();
            var root = new Unit { RegionId = region.Id, Name = "台账测试县委县政府", Kind = UnitKind.Leadership };
            db.Units.Add(root);
            await db.SaveChangesAsync();
            root.Path = UnitPath.Child(UnitPath.Root, root.Id);
            var units = LedgerFamily.Units.Select(u => new Unit { RegionId = region.Id, ParentId = root.Id, Name = u.Name, ShortName = u.Short, Kind = NameDirectory.IsTownName(u.Name) ? UnitKind.TownOrStreet : UnitKind.Department }).ToList();
            db.Units.AddRange(units);
            db.People.AddRange(LedgerFamily.Leaders.Select(name => new Person { RegionId = region.Id, UnitId = root.Id, Name = name, IsLeader = true, Title = "副县长" }));
            await db.SaveChangesAsync();
            foreach (var unit in units)
            {
                unit.Path = UnitPath.Child(root.Path, unit.Id);
            }

            await db.SaveChangesAsync();
            return region.Id;
        });
        return new ImportActor(regionId, null, "台账测试", new DateOnly(2026, 11, 20), Now.UtcDateTime, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"));
    }

    // ---------------------------------------------------------------- scoring

    /// <summary>Each fact read right, flagged instead of read, lost, or wrong; uncertain facts flagged or not.</summary>
    private sealed class Score
    {
        private readonly Dictionary<string, (int Total, int Correct, int Flagged)> byField = new(StringComparer.Ordinal);
        private int ledgers;
        private int rows;
        private int facts;
        private int correct;
        private int flagged;

        public List<string> Wrong { get; } = [];
        public List<string> Lost { get; } = [];
        public int Uncertain { get; private set; }
        public int UncertainFlagged { get; private set; }

        public double Accuracy => facts - Uncertain == 0 ? 0 : (double)correct / (facts - Uncertain);

        public void Compare(GeneratedLedger ledger, ImportPreview preview)
        {
            ledgers++;
            if (preview.FileError is not null || preview.Parse is null)
            {
                Wrong.Add($"{ledger}: file refused: {preview.FileError}");
                return;
            }

            var parse = preview.Parse;
            var plans = preview.Rows.ToDictionary(p => p.Row.Row);
            rows += plans.Count;
            foreach (var extra in plans.Keys.Except(ledger.DataRows))
            {
                Wrong.Add($"{ledger}: row {extra} read as data: {string.Join(", ", plans[extra].Row.Fields.Select(f => f.Key + "=" + Render(f.Value)))}");
            }

            foreach (var fact in ledger.Facts)
            {
                facts++;
                string? actual;
                var field = fact.Field;
                if (field is "mapped" or "unmapped")
                {
                    var column = parse.Columns.FirstOrDefault(c => c.Letter == fact.Column);
                    actual = field == "mapped" ? column?.Field : column?.Unmapped.ToString().ToLowerInvariant();
                }
                else if (field == "completedMonth")
                {
                    actual = preview.CompletedMonth?.ToString(CultureInfo.InvariantCulture);
                }
                else if (!plans.TryGetValue(fact.Row, out var plan))
                {
                    Lost.Add($"{ledger}: row {fact.Row} not read ({field})");
                    continue;
                }
                else
                {
                    actual = Actual(plan, field);
                }

                var flaggedHere = parse.Issues.Any(i => i.Row == fact.Row && i.Column == fact.Column && i.Severity == Severity.Error);
                var (total, right, flag) = byField.GetValueOrDefault(field);
                if (fact.Uncertain)
                {
                    Uncertain++;
                    if (flaggedHere && actual is null)
                    {
                        UncertainFlagged++;
                    }
                    else
                    {
                        Wrong.Add($"{ledger}: {fact.Column}{fact.Row} {field} is uncertain but came back {(actual is null ? "unflagged" : "as " + actual)}");
                    }

                    continue;
                }

                total++;
                if (actual == fact.Expected)
                {
                    correct++;
                    right++;
                }
                else if (actual is null && flaggedHere)
                {
                    flagged++;
                    flag++;
                }
                else if (actual is null)
                {
                    Lost.Add($"{ledger}: {fact.Column}{fact.Row} {field}: expected {fact.Expected}, got nothing");
                }
                else
                {
                    Wrong.Add($"{ledger}: {fact.Column}{fact.Row} {field}: expected {fact.Expected ?? "nothing"}, got {actual}");
                }

                byField[field] = (total, right, flag);
            }

            // Nothing read that the sheet does not say.
            foreach (var r in ledger.DataRows.Where(plans.ContainsKey))
            {
                var said = ledger.Facts.Where(f => f.Row == r).Select(f => f.Field).ToHashSet(StringComparer.Ordinal);
                foreach (var key in plans[r].Row.Fields.Keys.Select(Said).Where(k => !said.Contains(k)))
                {
                    Wrong.Add($"{ledger}: row {r} has {key} that the sheet does not say: {Render(plans[r].Row.Fields.GetValueOrDefault(key))}");
                }

                if (plans[r].Row.Section is { } section && !said.Contains("section"))
                {
                    Wrong.Add($"{ledger}: row {r} put in section {section}");
                }
            }
        }

        private static string Said(string key) => key switch
        {
            "startYear" or "endYear" => "years",
            _ => key,
        };

        private static string? Actual(RowPlan plan, string field) => field switch
        {
            "leadUnit.match" => plan.Lead?.Unit?.Name,
            "leader.match" => plan.Leader?.Name,
            "section" => plan.Row.Section,
            "years" => plan.Row.Fields.TryGetValue("startYear", out var s) ? $"{s}-{plan.Row.Fields["endYear"]}" : null,
            _ => plan.Row.Fields.TryGetValue(field, out var v) ? Render(v) : null,
        };

        private static string? Render(object? value) => value switch
        {
            null => null,
            DateOnly d => LedgerFamily.Str(d),
            decimal m => LedgerFamily.Str(m),
            int i => LedgerFamily.Str(i),
            string s => s,
            IEnumerable<MilestoneText> ms => string.Join("|", ms.Select(m => LedgerFamily.Str(m.Due))),
            IEnumerable<string> list => string.Join("|", list),
            _ => Convert.ToString(value, CultureInfo.InvariantCulture),
        };

        public void Print(ITestOutputHelper output, TimeSpan elapsed)
        {
            var certain = facts - Uncertain;
            output.WriteLine($"Generated family: {ledgers} ledgers ({ledgers / 2} task lists, {ledgers - (ledgers / 2)} project ledgers), {rows} data rows, {facts} facts, read in {elapsed.TotalSeconds:0.0} s.");
            output.WriteLine($"Fact-level accuracy: {correct}/{certain} = {Accuracy:P2} read right; {flagged} flagged for a person instead of read; {Lost.Count} lost; {Wrong.Count} wrong.");
            output.WriteLine($"Uncertain facts (2026.1 as a number, dates outside 2000-2100, relative deadlines, 约/negative amounts, stages and natures outside the table, no month for the amount done): {UncertainFlagged}/{Uncertain} flagged, none taken.");
            output.WriteLine("By field (right / flagged / total):");
            foreach (var (field, (total, right, flag)) in byField.OrderBy(x => (double)x.Value.Correct / x.Value.Total).ThenBy(x => x.Key, StringComparer.Ordinal))
            {
                output.WriteLine($"  {field,-18} {right,6} / {flag,4} / {total,6}  {(double)right / total:P2}");
            }

            foreach (var line in Wrong.Concat(Lost).Take(40))
            {
                output.WriteLine("  ! " + line);
            }
        }
    }
}

[Collection(OnSqlite.Name)]
public sealed class LedgerFamilyTestsOnSqlite(SqliteFactory app, ITestOutputHelper output) : LedgerFamilyTests(app, output);

[Collection(OnPostgres.Name)]
public sealed class LedgerFamilyTestsOnPostgres(PostgresFactory app, ITestOutputHelper output) : LedgerFamilyTests(app, output);

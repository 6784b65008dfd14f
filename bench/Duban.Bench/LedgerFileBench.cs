using System.Diagnostics;
using System.Globalization;
using Duban.Data;
using Duban.Domain.Work;
using Duban.Sheets;
using Duban.Web.Features.LedgerFiles;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Duban.Bench;

/// <summary>
/// Excel in and out at province scale: a 10,000-row task ledger and a 10,000-row project ledger read, checked
/// against the province's 2,000 units and committed (then committed again, which updates); a 100,000-row ledger
/// exported through the API, with the process's peak working set sampled while it streams.
/// </summary>
public static class LedgerFileBench
{
    public static async Task RunAsync(BenchApp app, string provider, Stopwatch generate)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(generate);
        var (tasks, _, _) = await LoopGenerator.GenerateAsync(app.Services);
        var regionId = await app.WithDbAsync(db => db.Regions.IgnoreQueryFilters().Where(r => r.Code == "990000").Select(r => r.Id).SingleAsync());
        var units = await app.WithDbAsync(db => db.Units.IgnoreQueryFilters().Where(u => u.RegionId == regionId && u.ParentId != null).OrderBy(u => u.Id).Select(u => u.Name).ToListAsync());
        var leaders = await app.WithDbAsync(db => db.People.IgnoreQueryFilters().Where(p => p.RegionId == regionId && p.IsLeader).OrderBy(p => p.Id).Select(p => p.Name).ToListAsync());

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"# Duban ledger files benchmark — {provider}: {units.Count:N0} units, {tasks:N0} tasks already stored (data ready in {generate.Elapsed.TotalSeconds:F0} s)"));
        Console.WriteLine();
        Console.WriteLine("| step | rows | time | note |");
        Console.WriteLine("|---|---:|---:|---|");

        var taskFile = TaskLedger(10_000, units, leaders);
        var projectFile = ProjectLedger(10_000, units, leaders);
        var actor = new ImportActor(regionId, null, "bench", new DateOnly(2026, 11, 20), new DateTime(2026, 11, 20, 2, 0, 0, DateTimeKind.Utc), TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"));
        foreach (var (name, kind, file) in new[] { ("task ledger", WorkItemKind.Task, taskFile), ("project ledger", WorkItemKind.KeyProject, projectFile) })
        {
            var sw = Stopwatch.StartNew();
            var book = XlsxReader.Read(new MemoryStream(file));
            var read = sw.Elapsed.TotalMilliseconds;
            Row($"read .xlsx ({file.Length / 1024:N0} KB), {name}", book.Sheets[0].RowCount, read, "XlsxReader only");

            var request = new ImportRequest(kind, null, name + ".xlsx", file);
            var preview = await Timed(app, async import => await import.PreviewAsync(actor, request));
            Row($"dry run, {name}", preview.Value.Rows.Count, preview.Ms, $"{preview.Value.Issues.Count(i => i.Severity == Duban.Sheets.Ledgers.Severity.Error)} errors, {preview.Value.Issues.Count()} issues");
            var commit = await Timed(app, async import => await import.CommitAsync(actor, request));
            var result = commit.Value.Result ?? throw new InvalidOperationException("nothing committed: " + string.Join("; ", commit.Value.Preview.Issues.Take(5)));
            Row($"commit (create), {name}", result.Rows.Count, commit.Ms, "one transaction: new rows in multi-row inserts, one audit entry per item, the ledger's lights recomputed");
            var again = await Timed(app, async import => await import.CommitAsync(actor, request with { LedgerId = result.LedgerId }));
            Row($"commit again (update), {name}", again.Value.Result!.Rows.Count, again.Ms, "every row matched by name and updated");
        }

        // 100,000 rows in one ledger, with sections, exported through the API as the office would download it.
#pragma warning disable CA1305 // Translated to SQL.
        var ledgerId = await app.WithDbAsync(async db =>
        {
            var first = await db.Ledgers.IgnoreQueryFilters().Where(l => l.RegionId == regionId).OrderBy(l => l.Id).Select(l => l.Id).FirstAsync();
            await db.WorkItems.IgnoreQueryFilters().Where(w => w.RegionId == regionId && w.Kind == WorkItemKind.Task && w.Section == null)
                .ExecuteUpdateAsync(s => s.SetProperty(w => w.LedgerId, first).SetProperty(w => w.Section, w => "第" + (w.Id % 8).ToString() + "部分"));
            return first;
        });
#pragma warning restore CA1305
        var rows = await app.WithDbAsync(db => db.WorkItems.IgnoreQueryFilters().CountAsync(w => w.LedgerId == ledgerId && w.Kind == WorkItemKind.Task));
        var office = await app.ClientAsync("bench-office");
        for (var run = 0; run < 3; run++)
        {
            GC.Collect();
            var process = Process.GetCurrentProcess();
            process.Refresh();
            var before = process.WorkingSet64;
            long peak = before;
            using var sampling = new CancellationTokenSource();
            var sampler = Task.Run(async () =>
            {
                while (!sampling.IsCancellationRequested)
                {
                    process.Refresh();
                    peak = Math.Max(peak, process.WorkingSet64);
                    await Task.Delay(20);
                }
            });
            var allocated = GC.GetTotalAllocatedBytes();
            var sw = Stopwatch.StartNew();
            using var response = await office.GetAsync($"/api/v1/ledgers/{ledgerId}/export?kind=tasks", HttpCompletionOption.ResponseHeadersRead);
            response.EnsureSuccessStatusCode();
            var counter = new CountingStream();
            await response.Content.CopyToAsync(counter);
            var ms = sw.Elapsed.TotalMilliseconds;
            await sampling.CancelAsync();
            await sampler;
            Row($"export via API (run {run + 1})", rows, ms, string.Create(CultureInfo.InvariantCulture, $"{counter.Length / 1024.0 / 1024.0:F1} MB file; process working set {before / 1048576.0:F0} → peak {peak / 1048576.0:F0} MB; {(GC.GetTotalAllocatedBytes() - allocated) / 1048576.0:F0} MB allocated in all"));
        }
    }

    private static void Row(string step, int rows, double ms, string note) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {step} | {rows:N0} | {ms / 1000:F2} s | {note} |"));

    private static async Task<(T Value, double Ms)> Timed<T>(BenchApp app, Func<LedgerImport, Task<T>> run)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var import = scope.ServiceProvider.GetRequiredService<LedgerImport>();
        var sw = Stopwatch.StartNew();
        var value = await run(import);
        return (value, sw.Elapsed.TotalMilliseconds);
    }

    /// <summary>A task list as a county lays it out: title, note, header, a section every 100 rows, merged leaders, dates in the usual spellings.</summary>
    public static byte[] TaskLedger(int count, IReadOnlyList<string> units, IReadOnlyList<string> leaders)
    {
        var stream = new MemoryStream();
        using (var w = new XlsxWriter(stream))
        {
            w.StartSheet(new SheetLayout { Name = "任务清单" });
            w.WriteRow([CellValue.Of("2026年全省重点工作任务清单")]);
            w.WriteRow([CellValue.Of("牵头部门：省政府督查室            报送要求：每周五下午3点前报送进展情况")]);
            w.WriteRow([CellValue.Of("序号"), CellValue.Of("重点任务"), CellValue.Of("具体目标（量化指标）"), CellValue.Of("时间节点"), CellValue.Of("责任领导"), CellValue.Of("牵头单位"), CellValue.Of("配合单位"), CellValue.Of("完成时限"), CellValue.Of("进展情况"), CellValue.Of("存在问题及下步打算")]);
            string[] deadlines = ["12月底", "2026年6月", "2026-09-30", "年底前", "11月15日前", "2026.3"];
            for (var i = 0; i < count; i++)
            {
                if (i % 100 == 0)
                {
                    var r = w.WriteRow([CellValue.Of($"（{i / 100 + 1}）第{i / 100 + 1}组重点任务")]);
                    w.Merge(r, 1, r, 10);
                }

                w.WriteRow([
                    CellValue.Of(i + 1m), CellValue.Of($"重点任务{i + 1:D5}：推进第{i % 37 + 1}项改革事项"), CellValue.Of($"完成目标{i % 11 + 1}项，覆盖率达到{80 + i % 20}%"),
                    CellValue.Of($"{i % 9 + 3}月底前完成方案；{i % 3 + 10}月底前完成建设"), CellValue.Of(leaders[i % leaders.Count]), CellValue.Of(units[i % units.Count]),
                    CellValue.Of($"{units[(i + 7) % units.Count]}、{units[(i + 13) % units.Count]}"), i % 5 == 0 ? CellValue.Of(new DateOnly(2026, 12, 31)) : CellValue.Of(deadlines[i % deadlines.Length]),
                    CellValue.Of($"已完成阶段任务{i % 7}项"), i % 4 == 0 ? CellValue.Of("资金尚未到位，下步加快协调") : null,
                ]);
            }
        }

        return stream.ToArray();
    }

    /// <summary>A project ledger shaped like the sample: two-row header with 投资情况 over its columns, sections, a totals row.</summary>
    public static byte[] ProjectLedger(int count, IReadOnlyList<string> units, IReadOnlyList<string> leaders)
    {
        var stream = new MemoryStream();
        using (var w = new XlsxWriter(stream))
        {
            w.StartSheet(new SheetLayout { Name = "重点项目" });
            w.WriteRow([CellValue.Of("2026年全省重点项目推进台账")]);
            w.WriteRow([CellValue.Of("填报单位：省发展和改革委员会            单位：万元            统计截止：2026年10月31日")]);
            w.WriteRow([CellValue.Of("序号"), CellValue.Of("项目名称"), CellValue.Of("建设内容及规模"), CellValue.Of("建设性质"), CellValue.Of("建设起止年限"), CellValue.Of("投资情况"), null, null, null, CellValue.Of("形象进度"), CellValue.Of("项目阶段"), CellValue.Of("存在问题"), CellValue.Of("责任领导"), CellValue.Of("责任单位"), CellValue.Of("经纬度")]);
            w.WriteRow([null, null, null, null, null, CellValue.Of("总投资"), CellValue.Of("2026年计划投资"), CellValue.Of("1-10月完成投资"), CellValue.Of("完成率(%)")]);
            w.Merge(3, 6, 3, 9);
            string[] sections = ["一、产业项目", "二、基础设施项目", "三、社会民生项目"];
            string[] stages = ["签约", "开工", "开工", "投产", "达效"];
            for (var i = 0; i < count; i++)
            {
                if (i % (count / 3 + 1) == 0)
                {
                    var r = w.WriteRow([CellValue.Of(sections[i / (count / 3 + 1)])]);
                    w.Merge(r, 1, r, 15);
                }

                var total = 5_000m + (i % 97 * 1_000m);
                var plan = Math.Round(total / 3, 0);
                w.WriteRow([
                    CellValue.Of(i + 1m), CellValue.Of($"重点项目{i + 1:D5}号"), CellValue.Of($"新建厂房{i % 20 + 1}万平方米"), CellValue.Of(i % 2 == 0 ? "新建" : "续建"), CellValue.Of("2026-2028"),
                    CellValue.Of(total), CellValue.Of(plan), CellValue.Of(Math.Round(plan * (i % 10) / 10, 0)), CellValue.Calc($"ROUND(H{w.NextRow}/G{w.NextRow}*100,1)", null),
                    CellValue.Of($"完成主体工程{i % 10 * 10}%"), CellValue.Of(stages[i % stages.Length]), i % 6 == 0 ? CellValue.Of("用地指标待落实") : null,
                    CellValue.Of(leaders[i % leaders.Count]), CellValue.Of(units[i % units.Count]), CellValue.Of(string.Create(CultureInfo.InvariantCulture, $"{110 + i % 10 * 0.1:F4},{28 + i % 7 * 0.1:F4}")),
                ]);
            }
        }

        return stream.ToArray();
    }

    private sealed class CountingStream : Stream
    {
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => Position;
        public override long Position { get; set; }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => Position += count;
    }
}

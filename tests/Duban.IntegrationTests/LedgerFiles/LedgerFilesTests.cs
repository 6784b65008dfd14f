using System.Net;
using System.Text.Json;
using Duban.Domain.Projects;
using Duban.Domain.Work;
using Duban.IntegrationTests.Infrastructure;
using Duban.Sheets;
using Duban.Sheets.Ledgers;
using Microsoft.EntityFrameworkCore;

namespace Duban.IntegrationTests.LedgerFiles;

/// <summary>Ledgers in and out through the API: the samples, a second import, bad files and rows, round trips, scope and escaping.</summary>
public abstract class LedgerFilesTests(DubanFactory app)
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 2, 0, 0, TimeSpan.Zero);

    private TestData D => app.Data;

    private static byte[] Sample(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "samples", name));

    private static async Task<(HttpStatusCode Status, JsonElement Json)> ImportAsync(HttpClient client, byte[] file, string fileName, string kind, bool dryRun, int? ledgerId = null, bool createMissing = false)
    {
        using var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(file), "file", fileName },
            { new StringContent(kind), "kind" },
            { new StringContent(dryRun ? "true" : "false"), "dryRun" },
            { new StringContent(createMissing ? "true" : "false"), "createMissing" },
        };
        if (ledgerId is not null)
        {
            form.Add(new StringContent(ledgerId.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)), "ledgerId");
        }

        var response = await client.PostAsync("/api/v1/imports", form);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, JsonDocument.Parse(text).RootElement.Clone());
    }

    private Task<int> CountAsync() => app.WithDbAsync(db => db.WorkItems.IgnoreQueryFilters().CountAsync());

    [Fact]
    public async Task The_project_sample_imports_with_amounts_months_stages_and_sections_and_a_second_import_updates()
    {
        using var pin = app.Clock.Pin(Now);
        var office = await D.ApiClientAsync("duchashi");
        var file = Sample("重点项目推进台账-样例.xlsx");

        var before = await CountAsync();
        var (dryStatus, dry) = await ImportAsync(office, file, "重点项目推进台账-样例.xlsx", "projects", dryRun: true, createMissing: true);
        Assert.Equal(HttpStatusCode.OK, dryStatus);
        Assert.Equal(10, dry.GetProperty("counts").GetProperty("create").GetInt32());
        Assert.Equal("万元", dry.GetProperty("unit").GetString());
        Assert.Equal(before, await CountAsync());

        var (status, json) = await ImportAsync(office, file, "重点项目推进台账-样例.xlsx", "projects", dryRun: false, createMissing: true);
        Assert.Equal(HttpStatusCode.OK, status);
        var result = json.GetProperty("result");
        var ledgerId = result.GetProperty("ledgerId").GetInt32();
        Assert.Equal(10, result.GetProperty("rows").GetArrayLength());
        Assert.Equal(before + 10, await CountAsync());

        var projects = await app.WithDbAsync(db => db.WorkItems.IgnoreQueryFilters().Where(w => w.LedgerId == ledgerId)
            .Join(db.Projects.IgnoreQueryFilters(), w => w.Id, p => p.WorkItemId, (w, p) => new { w.Id, w.Name, w.Section, w.LeadUnitId, w.LeaderId, w.InvestmentPercent, p.TotalInvestment, p.Stage, p.Category, p.Longitude, p.StartYear, p.EndYear })
            .ToListAsync());
        Assert.Equal(1_244_000m, projects.Sum(p => p.TotalInvestment));
        var motor = projects.Single(p => p.Name == "年产20万套新能源汽车电驱系统项目");
        Assert.Equal(ProjectStage.Started, motor.Stage);
        Assert.Equal(ProjectCategory.Industrial, motor.Category);
        Assert.Equal("产业项目", motor.Section);
        Assert.Equal((2026, 2028), (motor.StartYear, motor.EndYear));
        Assert.Equal(Investment.Completion(61_200m, 80_000m), motor.InvestmentPercent);
        Assert.Equal(ProjectCategory.Social, projects.Single(p => p.Name == "县人民医院迁建工程").Category);
        Assert.Equal(D.UnitA, projects.Single(p => p.Name == "分布式光伏整县推进项目").LeadUnitId);
        var october = await app.WithDbAsync(db => db.ProjectInvestments.IgnoreQueryFilters().Where(i => i.WorkItemId == motor.Id).Select(i => new { i.Year, i.Month, i.Amount }).SingleAsync());
        Assert.Equal((2026, 10, 61_200m), (october.Year, october.Month, october.Amount));
        var plan = await app.WithDbAsync(db => db.ProjectYearPlans.IgnoreQueryFilters().SingleAsync(p => p.WorkItemId == motor.Id));
        Assert.Equal(80_000m, plan.Amount);
        var audited = await app.WithDbAsync(db => db.AuditEntries.IgnoreQueryFilters().CountAsync(a => a.EntityType == "WorkItem" && a.EntityId == motor.Id && a.ActorName != "system"));
        Assert.True(audited >= 1);

        // The same file again: every row updates its project, none is added; the template now maps the headers.
        var (againStatus, again) = await ImportAsync(office, file, "重点项目推进台账-样例.xlsx", "projects", dryRun: false, ledgerId: ledgerId, createMissing: true);
        Assert.Equal(HttpStatusCode.OK, againStatus);
        Assert.All(again.GetProperty("result").GetProperty("rows").EnumerateArray(), r => Assert.Equal("update", r.GetProperty("action").GetString()));
        Assert.Equal(before + 10, await CountAsync());
        Assert.Contains(again.GetProperty("columns").EnumerateArray(), c => c.GetProperty("fromTemplate").GetBoolean());
        Assert.Equal(61_200m, await app.WithDbAsync(db => db.ProjectInvestments.IgnoreQueryFilters().Where(i => i.WorkItemId == motor.Id).SumAsync(i => i.Amount)));
    }

    [Fact]
    public async Task Bad_files_and_rows_are_explained_in_chinese_and_write_nothing()
    {
        using var pin = app.Clock.Pin(Now);
        var office = await D.ApiClientAsync("duchashi");
        var before = await CountAsync();
        var random = new byte[2048];
        new Random(5).NextBytes(random);
        var (status, json) = await ImportAsync(office, random, "台账.xlsx", "tasks", dryRun: false);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Contains("不是", json.GetProperty("error").GetString(), StringComparison.Ordinal);

        var sample = Sample("重点工作任务清单-样例.xlsx");
        var (truncated, truncatedJson) = await ImportAsync(office, sample[..(sample.Length / 3)], "截断.xlsx", "tasks", dryRun: true);
        Assert.Equal(HttpStatusCode.OK, truncated);
        Assert.Contains("损坏", truncatedJson.GetProperty("error").GetString(), StringComparison.Ordinal);

        // Units the county does not have: without "create missing" every row is left out, so nothing is written.
        var unknown = "不存在的单位" + Guid.NewGuid().ToString("N")[..6];
        var strangers = Book(w =>
        {
            w.WriteRow([CellValue.Of("序号"), CellValue.Of("重点任务"), CellValue.Of("牵头单位"), CellValue.Of("完成时限")]);
            w.WriteRow([CellValue.Of(1m), CellValue.Of("任务一"), CellValue.Of(unknown), CellValue.Of("2026-12-31")]);
            w.WriteRow([CellValue.Of(2m), CellValue.Of("任务二"), CellValue.Of(unknown), CellValue.Of("约年底")]);
        });
        var (refused, refusedJson) = await ImportAsync(office, strangers, "陌生单位.xlsx", "tasks", dryRun: false, ledgerId: D.LedgerId);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused);
        var issue = refusedJson.GetProperty("issues").EnumerateArray().First(i => i.GetProperty("code").GetString() == "unitUnknown");
        Assert.Equal(2, issue.GetProperty("row").GetInt32());
        Assert.Equal("C", issue.GetProperty("column").GetString());
        Assert.Equal($"单位“{unknown}”在系统中不存在", issue.GetProperty("message").GetString());
        Assert.Contains(refusedJson.GetProperty("issues").EnumerateArray(), i => i.GetProperty("row").GetInt32() == 3 && i.GetProperty("code").GetString() == "dateUnreadable");
        Assert.Equal(before, await CountAsync());

        var (badType, _) = await ImportAsync(office, [1, 2, 3], "台账.pdf", "tasks", dryRun: true);
        Assert.Equal(HttpStatusCode.BadRequest, badType);
        var liaison = await D.ApiClientAsync("fgj");
        var (forbidden, _) = await ImportWithStatusOnlyAsync(liaison, sample);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task A_ledger_with_a_reporting_month_in_its_title_and_no_amount_done_imports_instead_of_crashing()
    {
        using var pin = app.Clock.Pin(Now);
        var office = await D.ApiClientAsync("duchashi");
        var file = Sample("招商引资项目台账-样例.xlsx");
        var (dryStatus, dry) = await ImportAsync(office, file, "招商引资项目台账-样例.xlsx", "projects", dryRun: true);
        Assert.Equal(HttpStatusCode.OK, dryStatus);
        Assert.Contains(dry.GetProperty("columns").EnumerateArray(), c => c.GetProperty("header").GetString() == "包联县领导" && c.GetProperty("field").GetString() == "leader");
        Assert.Contains(dry.GetProperty("columns").EnumerateArray(), c => c.GetProperty("header").GetString() == "投资方" && c.GetProperty("field").ValueKind == JsonValueKind.Null);
        Assert.Contains(dry.GetProperty("words").EnumerateArray(), w => w.GetProperty("text").GetString() == "终止" && w.GetProperty("readAs").ValueKind == JsonValueKind.Null);
        Assert.Contains(dry.GetProperty("words").EnumerateArray(), w => w.GetProperty("text").GetString() == "在谈" && w.GetProperty("readAs").GetString() == "未签约");
        var stage = dry.GetProperty("issues").EnumerateArray().Single(i => i.GetProperty("code").GetString() == "stageUnknown");
        Assert.Equal((11, "J"), (stage.GetProperty("row").GetInt32(), stage.GetProperty("column").GetString()));

        var before = await CountAsync();
        var (status, json) = await ImportAsync(office, file, "招商引资项目台账-样例.xlsx", "projects", dryRun: false);
        Assert.Equal(HttpStatusCode.OK, status);
        var result = json.GetProperty("result");
        Assert.Equal(5, result.GetProperty("rows").GetArrayLength());
        Assert.Equal([11], result.GetProperty("skipped").EnumerateArray().Select(r => r.GetProperty("row").GetInt32()));
        Assert.Equal(before + 5, await CountAsync());
        var battery = await app.WithDbAsync(db => db.WorkItems.IgnoreQueryFilters().SingleAsync(w => w.Name == "年产5GWh储能电池项目" && w.Kind == WorkItemKind.KeyProject));
        Assert.Equal(await D.UnitIdAsync("开发区招商服务局"), battery.LeadUnitId);
        Assert.Equal("张卫东", await app.WithDbAsync(db => db.People.IgnoreQueryFilters().Where(p => p.Id == battery.LeaderId).Select(p => p.Name).SingleAsync()));
        Assert.Equal(300_000m, await app.WithDbAsync(db => db.ProjectYearPlans.IgnoreQueryFilters().Where(p => p.WorkItemId == battery.Id && p.Year == 2026).Select(p => p.Amount).SingleAsync()));
        Assert.False(await app.WithDbAsync(db => db.ProjectInvestments.IgnoreQueryFilters().AnyAsync(i => i.WorkItemId == battery.Id)));
    }

    [Fact]
    public async Task Amounts_under_group_headers_without_the_word_investment_are_read_and_doubtful_ones_flagged_in_english()
    {
        using var pin = app.Clock.Pin(Now);
        var office = await D.ApiClientAsync("duchashi", "en");
        var name = "组头项目" + Guid.NewGuid().ToString("N")[..6];
        var file = Book(w =>
        {
            w.WriteRow([CellValue.Of("2026年重点项目表")]);
            w.WriteRow([CellValue.Of("单位：万元")]);
            w.WriteRow([CellValue.Of("序号"), CellValue.Of("项目名称"), CellValue.Of("年度计划"), null, CellValue.Of("1-9月累计完成"), null, CellValue.Of("分管区领导"), CellValue.Of("责任单位"), CellValue.Of("计划竣工时间")]);
            w.WriteRow([null, null, CellValue.Of("投资额"), CellValue.Of("形象进度"), CellValue.Of("投资额"), CellValue.Of("完成率")]);
            w.Merge(3, 3, 3, 4);
            w.Merge(3, 5, 3, 6);
            foreach (var c in new[] { 1, 2, 7, 8, 9 })
            {
                w.Merge(3, c, 4, c);
            }

            w.WriteRow([CellValue.Of(1m), CellValue.Of(name), CellValue.Of("1.2亿"), CellValue.Of("主体封顶"), CellValue.Of(3500m), CellValue.Of(29m), CellValue.Of("李明华"), CellValue.Of("县发改局"), new CellValue(null, 2027.6m, null, null, CellStyle.Date)]);
            w.WriteRow([CellValue.Of(2m), CellValue.Of(name + "二期"), CellValue.Of("约2.1"), null, CellValue.Of(-5m), null, null, CellValue.Of("县发改局"), CellValue.Of(2027.10m)]);
        });
        var (status, json) = await ImportAsync(office, file, "组头.xlsx", "projects", dryRun: true);
        Assert.Equal(HttpStatusCode.OK, status);
        var first = json.GetProperty("rows")[0].GetProperty("fields");
        Assert.Equal(12_000m, first.GetProperty("annualPlan").GetDecimal());
        Assert.Equal(3_500m, first.GetProperty("completedToDate").GetDecimal());
        Assert.Equal("李明华", first.GetProperty("leader").GetString());
        Assert.Equal("2027-06-30", first.GetProperty("plannedEnd").GetString());
        Assert.Contains(json.GetProperty("unmappedColumns").EnumerateArray(), c => c.GetString() == "D 年度计划 / 形象进度");
        var issues = json.GetProperty("issues").EnumerateArray().ToList();
        Assert.Contains(issues, i => i.GetProperty("row").GetInt32() == 6 && i.GetProperty("column").GetString() == "C" && i.GetProperty("code").GetString() == "notANumber");
        Assert.Contains(issues, i => i.GetProperty("row").GetInt32() == 6 && i.GetProperty("column").GetString() == "E" && i.GetProperty("code").GetString() == "negative");
        var month = issues.Single(i => i.GetProperty("row").GetInt32() == 6 && i.GetProperty("column").GetString() == "I");
        Assert.Equal("dateAmbiguous", month.GetProperty("code").GetString());
        Assert.Contains("October", month.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal([3, 4], json.GetProperty("header").EnumerateArray().Select(r => r.GetInt32()));
        Assert.Equal(5, json.GetProperty("rows")[0].GetProperty("row").GetInt32());
    }

    [Fact]
    public async Task The_review_page_shows_the_unmapped_columns_and_the_stage_words_and_a_file_it_cannot_read_says_so()
    {
        using var pin = app.Clock.Pin(Now);
        var office = await D.SignedInClientAsync("duchashi");
        var own = "自定义列" + Guid.NewGuid().ToString("N")[..6];
        var good = await NewBatchAsync("在谈.xlsx", Book(w =>
        {
            w.WriteRow([CellValue.Of("序号"), CellValue.Of("项目名称"), CellValue.Of("推进阶段"), CellValue.Of("责任单位"), CellValue.Of(own)]);
            w.WriteRow([CellValue.Of(1m), CellValue.Of(own + "甲"), CellValue.Of("在谈"), CellValue.Of("县发改局"), CellValue.Of("x")]);
            w.WriteRow([CellValue.Of(2m), CellValue.Of(own + "乙"), CellValue.Of("终止"), CellValue.Of("县发改局"), CellValue.Of("y")]);
        }));
        var page = await office.GetAsync($"/LedgerFiles/Review/{good}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("id=\"unmapped\"", html, StringComparison.Ordinal);
        Assert.Contains("data-unmapped=\"E\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"words\"", html, StringComparison.Ordinal);
        Assert.Contains("终止", html, StringComparison.Ordinal);
        Assert.Contains("不在对照表中", html, StringComparison.Ordinal);

        var broken = Sample("重点项目推进台账-样例.xlsx");
        var bad = await NewBatchAsync("坏.xlsx", broken[..(broken.Length / 2)]);
        var badPage = await office.GetAsync($"/LedgerFiles/Review/{bad}");
        Assert.Equal(HttpStatusCode.OK, badPage.StatusCode);
        Assert.Contains("id=\"file-error\"", await badPage.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var before = await CountAsync();
        var commit = await TestData.PostFormAsync(office, $"/LedgerFiles/Review/{good}", $"/LedgerFiles/Review/{good}?handler=Commit", []);
        Assert.Equal(HttpStatusCode.Redirect, commit.StatusCode);
        Assert.Equal(before + 1, await CountAsync());
    }

    private Task<int> NewBatchAsync(string fileName, byte[] content) => app.WithDbAsync(async db =>
    {
        var batch = new Duban.Domain.LedgerFiles.ImportBatch { RegionId = D.RegionId, Kind = WorkItemKind.KeyProject, FileName = fileName, Content = content, CreatedAt = DateTime.UtcNow, CreatedByName = "测试" };
        db.ImportBatches.Add(batch);
        await db.SaveChangesAsync();
        return batch.Id;
    });

    private static async Task<(HttpStatusCode, string)> ImportWithStatusOnlyAsync(HttpClient client, byte[] file)
    {
        using var form = new MultipartFormDataContent { { new ByteArrayContent(file), "file", "x.xlsx" }, { new StringContent("tasks"), "kind" } };
        var response = await client.PostAsync("/api/v1/imports", form);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Bad_rows_are_left_out_with_their_reasons_and_good_rows_go_in_one_transaction()
    {
        using var pin = app.Clock.Pin(Now);
        var office = await D.ApiClientAsync("duchashi");
        var file = Book(w =>
        {
            w.WriteRow([CellValue.Of("2026年测试任务清单")]);
            w.WriteRow([CellValue.Of("序号"), CellValue.Of("重点任务"), CellValue.Of("牵头单位"), CellValue.Of("完成时限"), CellValue.Of("责任领导")]);
            w.WriteRow([CellValue.Of(1m), CellValue.Of("好任务" + Guid.NewGuid().ToString("N")[..6]), CellValue.Of("县发改局"), CellValue.Of("2026年12月"), null]);
            w.WriteRow([CellValue.Of(2m), CellValue.Of("日期含糊的任务"), CellValue.Of("县发改局"), CellValue.Of(2027.1m), null]);
            w.WriteRow([CellValue.Of(3m), CellValue.Of("期限相对的任务"), CellValue.Of("城关镇"), CellValue.Of("一周内"), null]);
        });
        var before = await CountAsync();
        var (status, json) = await ImportAsync(office, file, "测试.xlsx", "tasks", dryRun: false, ledgerId: D.LedgerId);
        Assert.Equal(HttpStatusCode.OK, status);
        var result = json.GetProperty("result");
        var written = Assert.Single(result.GetProperty("rows").EnumerateArray());
        Assert.Equal(3, written.GetProperty("row").GetInt32());
        Assert.Equal([4, 5], result.GetProperty("skipped").EnumerateArray().Select(s => s.GetProperty("row").GetInt32()));
        Assert.Contains("10月", result.GetProperty("skipped")[0].GetProperty("reasons")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(before + 1, await CountAsync());
        var item = await app.WithDbAsync(db => db.WorkItems.IgnoreQueryFilters().SingleAsync(w => w.Id == written.GetProperty("id").GetInt32()));
        Assert.Equal(D.UnitA, item.LeadUnitId);
        Assert.Equal(new DateOnly(2026, 12, 31), item.Deadline);
        Assert.Equal("/" + item.Id + "/", item.Path);
        Assert.NotEqual(Light.Grey, item.Light);
    }

    [Fact]
    public async Task Exported_task_ledger_reads_back_to_the_same_records_and_only_shows_what_the_viewer_may_see()
    {
        using var pin = app.Clock.Pin(Now);
        var office = await D.ApiClientAsync("duchashi");
        var (status, json) = await ImportAsync(office, Sample("重点工作任务清单-样例.xlsx"), "重点工作任务清单-样例.xlsx", "tasks", dryRun: false, createMissing: true);
        Assert.Equal(HttpStatusCode.OK, status);
        var ledgerId = json.GetProperty("result").GetProperty("ledgerId").GetInt32();

        // A task whose name would run as a formula in a spreadsheet, led by the county bureau.
        var hostile = await office.PostAsJsonAsync("/api/v1/tasks", new { ledgerId, name = "=HYPERLINK(\"http://x\",\"点我\")", leadUnitId = D.UnitA, deadline = "2026-12-31" });
        Assert.Equal(HttpStatusCode.Created, hostile.StatusCode);

        var snapshot = await SnapshotAsync(ledgerId);
        var exported = await office.GetByteArrayAsync($"/api/v1/ledgers/{ledgerId}/export");
        var sheet = XlsxReader.Read(new MemoryStream(exported)).Sheets[0];
        Assert.Contains(sheet.RowNumbers, r => sheet.Raw(r, 2)?.Text == "'=HYPERLINK(\"http://x\",\"点我\")");
        Assert.Equal(2, sheet.Merges.Count(m => m.FirstRow == 3 && m.LastRow == 3));

        var parse = LedgerReader.Read(XlsxReader.Read(new MemoryStream(exported)), LedgerKind.Tasks);
        Assert.Equal(8, parse.Rows.Count);
        Assert.Equal(3, parse.Sections.Count);

        var (againStatus, again) = await ImportAsync(office, exported, "export.xlsx", "tasks", dryRun: false, ledgerId: ledgerId);
        Assert.Equal(HttpStatusCode.OK, againStatus);
        Assert.All(again.GetProperty("result").GetProperty("rows").EnumerateArray(), r => Assert.Equal("update", r.GetProperty("action").GetString()));
        Assert.Equal(snapshot, await SnapshotAsync(ledgerId));

        // A liaison of the county bureau sees only the bureau's task in the export.
        var liaison = await D.ApiClientAsync("fgj");
        var theirs = LedgerReader.Read(XlsxReader.Read(new MemoryStream(await liaison.GetByteArrayAsync($"/api/v1/ledgers/{ledgerId}/export"))), LedgerKind.Tasks);
        Assert.Equal(["=HYPERLINK(\"http://x\",\"点我\")"], theirs.Rows.Select(r => r.Text("name")));
    }

    private Task<List<string>> SnapshotAsync(int ledgerId) => app.WithDbAsync(db => db.WorkItems.IgnoreQueryFilters().Where(w => w.LedgerId == ledgerId).OrderBy(w => w.Id)
        .Select(w => w.Name + "|" + w.LeadUnitId + "|" + w.LeaderId + "|" + w.Deadline + "|" + w.Section + "|" + w.Content
            + "|" + string.Join(",", db.Milestones.IgnoreQueryFilters().Where(m => m.WorkItemId == w.Id).OrderBy(m => m.Id).Select(m => m.Name + "@" + m.Due))
            + "|" + string.Join(",", db.WorkItemUnits.IgnoreQueryFilters().Where(s => s.WorkItemId == w.Id).OrderBy(s => s.UnitId).Select(s => s.UnitId)))
        .ToListAsync());

    [Fact]
    public async Task Exported_project_ledger_has_totals_formulas_and_reads_back()
    {
        using var pin = app.Clock.Pin(Now);
        var office = await D.ApiClientAsync("duchashi");
        var (_, json) = await ImportAsync(office, Sample("重点项目推进台账-样例.xlsx"), "项目.xlsx", "projects", dryRun: false, createMissing: true);
        var ledgerId = json.GetProperty("result").GetProperty("ledgerId").GetInt32();
        var exported = await office.GetByteArrayAsync($"/api/v1/ledgers/{ledgerId}/export?kind=projects");
        var book = XlsxReader.Read(new MemoryStream(exported));
        var sheet = book.Sheets[0];
        var totals = sheet.RowNumbers.Single(r => sheet.Raw(r, 1)?.Text == "合计");
        Assert.True(sheet.Raw(totals, 6)!.FromFormula);
        Assert.Equal(1_244_000, sheet.Raw(totals, 6)!.Number);
        var parse = LedgerReader.Read(book, LedgerKind.Projects);
        Assert.Equal(10, parse.Rows.Count);
        Assert.Equal(11, parse.Columns.Single(c => c.Field == "completedToDate").Period.ToMonth);
        Assert.Equal(61_200m, parse.Rows.Single(r => r.Text("name") == "年产20万套新能源汽车电驱系统项目").Get<decimal>("completedToDate"));
        Assert.DoesNotContain(parse.Issues, i => i.Severity == Severity.Error);

        // LibreOffice opens it and computes the same totals.
        var csv = System.Text.Encoding.UTF8.GetString(await LibreOffice.ConvertAsync(exported, ".xlsx", "csv", "Text - txt - csv (StarCalc):44,34,76"));
        Assert.Contains("城北未来社区", csv, StringComparison.Ordinal);
        var totalsLine = csv.Split('\n').Single(line => line.StartsWith("合计", StringComparison.Ordinal));
        Assert.Contains("1,244,000", totalsLine, StringComparison.Ordinal);
        // Imported back into its ledger, the export changes nothing: every project updates to what it was.
        var before = await ProjectSnapshotAsync(ledgerId);
        var (againStatus, again) = await ImportAsync(office, exported, "export.xlsx", "projects", dryRun: false, ledgerId: ledgerId);
        Assert.Equal(HttpStatusCode.OK, againStatus);
        Assert.Equal(10, again.GetProperty("result").GetProperty("rows").EnumerateArray().Count(r => r.GetProperty("action").GetString() == "update"));
        Assert.Equal(before, await ProjectSnapshotAsync(ledgerId));

        var motorLine = csv.Split('\n').Single(line => line.Contains("年产20万套新能源汽车电驱系统项目", StringComparison.Ordinal));
        Assert.Contains("61,200", motorLine, StringComparison.Ordinal);
        Assert.Matches("(红灯|黄灯|绿灯|未开始)", motorLine);
    }

    private Task<List<string>> ProjectSnapshotAsync(int ledgerId) => app.WithDbAsync(async db =>
        (await db.WorkItems.IgnoreQueryFilters().Where(w => w.LedgerId == ledgerId).OrderBy(w => w.Id)
            .Join(db.Projects.IgnoreQueryFilters(), w => w.Id, p => p.WorkItemId, (w, p) => new { w.Id, w.Name, w.LeadUnitId, w.LeaderId, w.LiaisonId, w.Section, w.Content, p.TotalInvestment, p.Stage, p.Category, p.Nature, p.StartYear, p.EndYear, p.Longitude, p.Latitude, p.TownUnitId })
            .ToListAsync())
        .Select(x => string.Join("|", x.Name, x.LeadUnitId, x.LeaderId, x.LiaisonId, x.Section, x.Content, x.TotalInvestment, x.Stage, x.Category, x.Nature, x.StartYear, x.EndYear, x.Longitude, x.Latitude, x.TownUnitId,
            db.ProjectInvestments.IgnoreQueryFilters().Where(i => i.WorkItemId == x.Id && i.Year == 2026).Sum(i => i.Amount),
            db.ProjectYearPlans.IgnoreQueryFilters().Where(p => p.WorkItemId == x.Id && p.Year == 2026).Sum(p => p.Amount)))
        .ToList());

    private static byte[] Book(Action<XlsxWriter> write)
    {
        var stream = new MemoryStream();
        using (var writer = new XlsxWriter(stream))
        {
            writer.StartSheet(new SheetLayout { Name = "清单" });
            write(writer);
        }

        return stream.ToArray();
    }
}

[Collection(OnSqlite.Name)]
public sealed class LedgerFilesTestsOnSqlite(SqliteFactory app) : LedgerFilesTests(app);

[Collection(OnPostgres.Name)]
public sealed class LedgerFilesTestsOnPostgres(PostgresFactory app) : LedgerFilesTests(app);

using System.Net;
using System.Text.Json;
using Duban.Domain.Indicators;
using Duban.Domain.Work;
using Duban.IntegrationTests.Infrastructure;
using Duban.Sheets;
using Microsoft.EntityFrameworkCore;

namespace Duban.IntegrationTests.Indicators;

/// <summary>
/// Indicators through the API: the bureau's sample table imported and read back against direct computation, bad
/// tables explained with nothing written, what a town may see, and an indicator lit red, noticed and caught up.
/// </summary>
public abstract class IndicatorsTests(DubanFactory app)
{
    // 20 November 2026, 10:00 in Beijing: October's figures are due today.
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 2, 0, 0, TimeSpan.Zero);

    private TestData D => app.Data;

    private static string SamplePath => Path.Combine(AppContext.BaseDirectory, "samples", "indicators", "主要经济指标-样例.xlsx");

    private static MultipartFormDataContent Upload(byte[] file, string name, bool dryRun, string? revision = null, int? year = null)
    {
        var form = new MultipartFormDataContent { { new ByteArrayContent(file), "file", name }, { new StringContent(dryRun ? "true" : "false"), "dryRun" } };
        if (revision is not null)
        {
            form.Add(new StringContent(revision), "revision");
        }

        if (year is not null)
        {
            form.Add(new StringContent(year.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)), "year");
        }

        return form;
    }

    private Task<(int Indicators, int Targets, int Values, int Items, int Audit)> CountsAsync() => app.WithDbAsync(async db => (
        await db.Indicators.IgnoreQueryFilters().CountAsync(),
        await db.IndicatorTargets.IgnoreQueryFilters().CountAsync(),
        await db.IndicatorValues.IgnoreQueryFilters().CountAsync(),
        await db.WorkItems.IgnoreQueryFilters().CountAsync(),
        await db.AuditEntries.IgnoreQueryFilters().CountAsync()));

    private Task<int> IndicatorIdAsync(string name) => app.WithDbAsync(db => db.Indicators.IgnoreQueryFilters().Where(i => i.RegionId == D.RegionId && i.Name == name).Select(i => i.Id).SingleAsync());

    private static JsonElement Period(JsonElement detail, int month) => detail.GetProperty("series").EnumerateArray().Single(s => s.GetProperty("periodTo").GetInt32() == month);

    private static decimal? Number(JsonElement e, string name) => e.GetProperty(name).ValueKind == JsonValueKind.Null ? null : e.GetProperty(name).GetDecimal();

    [Fact]
    public async Task The_bureaus_sample_table_is_read_in_a_dry_run_then_imported_and_every_figure_equals_direct_computation()
    {
        using var pin = app.Clock.Pin(Now);
        var office = await D.ApiClientAsync("duchashi");
        var bytes = await File.ReadAllBytesAsync(SamplePath);
        var before = await CountsAsync();

        var dry = await office.PostAsync("/api/v1/indicators/import", Upload(bytes, "主要经济指标-样例.xlsx", dryRun: true));
        Assert.Equal(HttpStatusCode.OK, dry.StatusCode);
        var read = await dry.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(2026, read.GetProperty("year").GetInt32());
        Assert.Equal(6, read.GetProperty("periodTo").GetInt32());
        Assert.Equal(0, read.GetProperty("errors").GetInt32());
        Assert.False(read.GetProperty("written").GetBoolean());
        Assert.Equal(2, read.GetProperty("tables").GetArrayLength());
        var rows = read.GetProperty("tables")[0].GetProperty("rows");
        var revenue = rows.EnumerateArray().Single(r => r.GetProperty("fields").GetProperty("indicator").GetString() == "一般公共预算收入").GetProperty("fields");
        Assert.Equal(52300m, revenue.GetProperty("value").GetDecimal());
        Assert.False(revenue.TryGetProperty("unitName", out _)); // the region's own row
        var fixedAssets = rows.EnumerateArray().Single(r => r.GetProperty("fields").GetProperty("indicator").GetString() == "固定资产投资").GetProperty("fields");
        Assert.Equal(JsonValueKind.Null, fixedAssets.GetProperty("value").ValueKind); // growth only
        Assert.Equal(before, await CountsAsync());

        var commit = await office.PostAsync("/api/v1/indicators/import", Upload(bytes, "主要经济指标-样例.xlsx", dryRun: false, revision: "Preliminary"));
        Assert.Equal(HttpStatusCode.OK, commit.StatusCode);
        Assert.True((await commit.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("written").GetBoolean());

        // Each figure of the file, as the indicator page gives it, against the formula worked here.
        foreach (var (name, factor, value, yoy, target, month) in new (string, decimal, decimal?, decimal, decimal?, int)[]
        {
            ("一般公共预算收入", 1m, 52300m, 5.6m, 98000m, 6),
            ("税收收入", 1m, 38100m, 4.9m, 72000m, 6),
            ("社会消费品零售总额", 0.0001m, 301500m, 6.1m, 620000m, 6), // 万元 in the file, 亿元 in the catalogue
            ("规上工业总产值", 1m, 905000m, -2.3m, 1850000m, 6),
            ("地区生产总值", 0.0001m, 338000m, 5.2m, 1450000m, 3),
            ("固定资产投资", 1m, null, 8.8m, null, 6),
        })
        {
            var detail = await office.GetFromJsonAsync<JsonElement>($"/api/v1/indicators/{await IndicatorIdAsync(name)}?year=2026");
            var point = Period(detail, month);
            Assert.Equal(value * factor, Number(point, "value"));
            Assert.Equal(yoy, Number(point, "yoy"));
            Assert.Equal("Preliminary", point.GetProperty("revision").GetString());
            var expectedTarget = target * factor;
            if (expectedTarget is { } t)
            {
                Assert.Equal(t, detail.GetProperty("target").GetProperty("value").GetDecimal());
                var completion = decimal.Round(value!.Value * factor * 100m / t, 1, MidpointRounding.AwayFromZero);
                Assert.Equal(completion, Number(point, "completion"));
                var time = decimal.Round(month * 100m / 12m, 1, MidpointRounding.AwayFromZero);
                Assert.Equal(time, Number(point, "timeProgress"));
                Assert.Equal(time - completion, Number(point, "gap"));
            }
        }

        // Revisions are kept: the demo's 快报 for June and the file's 初步核算 side by side, the later one in force.
        var revenueDetail = await office.GetFromJsonAsync<JsonElement>($"/api/v1/indicators/{await IndicatorIdAsync("一般公共预算收入")}?year=2026");
        Assert.True(Period(revenueDetail, 6).GetProperty("revisions").GetInt32() >= 1);

        // The towns' table: each town's figure under its own unit, ranked by growth as the bureau ranked them; the
        // 合计 row left out because the indicator table gives the county's own figure.
        var towns = await office.GetFromJsonAsync<JsonElement>($"/api/v1/indicators/{await IndicatorIdAsync("规上工业总产值")}/comparison?year=2026&periodTo=6");
        var ranked = towns.GetProperty("rows").EnumerateArray().Select(r => (Unit: r.GetProperty("unit").GetString(), Rank: r.GetProperty("rank").GetInt32(), Value: r.GetProperty("value").GetDecimal())).ToList();
        Assert.Equal([("城关镇", 1, 318000m), ("青石镇", 2, 152000m), ("河口镇", 3, 190500m), ("白沙乡", 4, 38000m)], ranked);
        var county = await office.GetFromJsonAsync<JsonElement>($"/api/v1/indicators/{await IndicatorIdAsync("规上工业总产值")}?year=2026");
        Assert.Equal(905000m, Number(Period(county, 6), "value"));

        // The board reads the same standing for each indicator's latest period.
        var board = await office.GetFromJsonAsync<JsonElement>("/api/v1/indicators?year=2026");
        foreach (var row in board.GetProperty("rows").EnumerateArray())
        {
            if (Number(row, "completion") is { } c && Number(row, "timeProgress") is { } tp)
            {
                Assert.Equal(tp - c, Number(row, "gap"));
                Assert.Equal(decimal.Round(row.GetProperty("value").GetDecimal() * 100m / row.GetProperty("target").GetDecimal(), 1, MidpointRounding.AwayFromZero), c);
            }
        }
    }

    [Fact]
    public async Task Bad_tables_are_explained_in_chinese_row_by_row_and_nothing_is_written()
    {
        using var pin = app.Clock.Pin(Now);
        var office = await D.ApiClientAsync("duchashi");
        using var file = new MemoryStream();
        await using (var writer = new XlsxWriter(file))
        {
            writer.StartSheet(new SheetLayout { Name = "指标" });
            writer.WriteRow([CellValue.Of("青山县2026年1-6月主要经济指标")]);
            writer.WriteRow([CellValue.Of("单位：万元")]);
            writer.WriteRow([CellValue.Of("指标"), CellValue.Of("年度目标"), CellValue.Of("1-6月完成"), CellValue.Of("同比增长（%）")]);
            writer.WriteRow([CellValue.Of("一般公共预算收入"), CellValue.Of(98000m), CellValue.Of("五万二"), CellValue.Of(5.6m)]); // text in a value cell
            writer.WriteRow([CellValue.Of("新设指标"), null, CellValue.Of(100m), CellValue.Of(3.0m)]); // not in the catalogue, no target
            writer.StartSheet(new SheetLayout { Name = "乡镇" });
            writer.WriteRow([CellValue.Of("2026年1-6月各乡镇规上工业总产值")]);
            writer.WriteRow([CellValue.Of("乡镇"), CellValue.Of("目标"), CellValue.Of("完成"), CellValue.Of("增速%")]);
            writer.WriteRow([CellValue.Of("城关镇"), CellValue.Of(620000m), CellValue.Of(318000m), CellValue.Of(3.2m)]);
            writer.WriteRow([CellValue.Of("不存在镇"), CellValue.Of(1000m), CellValue.Of(500m), CellValue.Of(1.0m)]); // a unit the county does not have
            writer.StartSheet(new SheetLayout { Name = "无期间" });
            writer.WriteRow([CellValue.Of("主要经济指标")]);
            writer.WriteRow([CellValue.Of("指标"), CellValue.Of("年度目标"), CellValue.Of("累计"), CellValue.Of("同比增长")]);
            writer.WriteRow([CellValue.Of("税收收入"), CellValue.Of(72000m), CellValue.Of(38100m), CellValue.Of(4.9m)]); // no period anywhere
        }

        var before = await CountsAsync();
        var response = await office.PostAsync("/api/v1/indicators/import", Upload(file.ToArray(), "坏表.xlsx", dryRun: false));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var result = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(result.GetProperty("written").GetBoolean());
        var issues = result.GetProperty("tables").EnumerateArray().SelectMany(t => t.GetProperty("issues").EnumerateArray())
            .Where(i => i.GetProperty("severity").GetString() == "error")
            .Select(i => (Code: i.GetProperty("code").GetString()!, Message: i.GetProperty("message").GetString()!)).ToList();
        foreach (var code in new[] { "notANumber", "indicatorUnknown", "unitUnknown", "periodUnreadable" })
        {
            Assert.Contains(issues, i => i.Code == code);
        }

        Assert.All(issues, i => Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", i.Message));
        Assert.Contains(issues, i => i.Code == "unitUnknown" && i.Message.Contains("不存在镇", StringComparison.Ordinal));
        Assert.Contains(issues, i => i.Code == "notANumber" && i.Message.Contains("五万二", StringComparison.Ordinal));
        Assert.Equal(before, await CountsAsync());

        // Not a workbook at all: said so, nothing written.
        var junk = await office.PostAsync("/api/v1/indicators/import", Upload("not a workbook"u8.ToArray(), "表.xlsx", dryRun: false));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, junk.StatusCode);
        Assert.False(string.IsNullOrEmpty((await junk.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("fileError").GetString()));
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task A_town_sees_the_countys_published_figures_and_its_own_target_but_not_another_towns()
    {
        var town = await D.ApiClientAsync("chengguan");
        var board = await town.GetFromJsonAsync<JsonElement>("/api/v1/indicators");
        Assert.True(board.GetProperty("rows").GetArrayLength() >= 5);

        var hekou = await D.UnitIdAsync("河口镇");
        Assert.Equal(HttpStatusCode.OK, (await town.GetAsync($"/api/v1/indicators/{D.Indicator}?unitId={D.UnitB}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await town.GetAsync($"/api/v1/indicators/{D.Indicator}?unitId={hekou}")).StatusCode);
        var townBrowser = await D.SignedInClientAsync("chengguan");
        Assert.Equal(HttpStatusCode.OK, (await townBrowser.GetAsync($"/Indicators/{D.Indicator}?unitId={D.UnitB}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await townBrowser.GetAsync($"/Indicators/{D.Indicator}?unitId={hekou}")).StatusCode);

        var comparison = await town.GetFromJsonAsync<JsonElement>($"/api/v1/indicators/{D.Indicator}/comparison");
        var rows = comparison.GetProperty("rows").EnumerateArray().ToDictionary(r => r.GetProperty("unitId").GetInt32());
        Assert.True(rows[D.UnitB].GetProperty("visible").GetBoolean());
        Assert.NotEqual(JsonValueKind.Null, rows[D.UnitB].GetProperty("target").ValueKind);
        var other = rows[hekou];
        Assert.False(other.GetProperty("visible").GetBoolean());
        foreach (var hidden in new[] { "target", "completion", "gap", "light", "workItemId" })
        {
            Assert.Equal(JsonValueKind.Null, other.GetProperty(hidden).ValueKind);
        }

        Assert.Equal(JsonValueKind.Null, comparison.GetProperty("sumOfTargets").ValueKind);

        // The office sees every town's target and their sum against the county's.
        var office = await D.ApiClientAsync("duchashi");
        var all = await office.GetFromJsonAsync<JsonElement>($"/api/v1/indicators/{D.Indicator}/comparison");
        Assert.All(all.GetProperty("rows").EnumerateArray(), r => Assert.True(r.GetProperty("visible").GetBoolean()));
        Assert.NotEqual(JsonValueKind.Null, all.GetProperty("sumOfTargets").ValueKind);

        // Nor may a town record the county's figures or set targets, through the API or a form it was never shown.
        var before = await CountsAsync();
        Assert.Equal(HttpStatusCode.Forbidden, (await town.PostAsJsonAsync($"/api/v1/indicators/{D.Indicator}/values", new { year = 2026, periodTo = 10, value = 1, yoy = 50 })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await town.PutAsJsonAsync($"/api/v1/indicators/{D.Indicator}/targets", new { year = 2026, value = 1 })).StatusCode);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task An_indicator_far_behind_time_is_red_is_noticed_like_any_task_and_its_red_month_stays_on_record_after_it_catches_up()
    {
        using var pin = app.Clock.Pin(Now);
        var office = await D.ApiClientAsync("duchashi");
        var created = await office.PostAsJsonAsync("/api/v1/indicators", new { name = "进出口总额" + Guid.NewGuid().ToString("N")[..4], measure = "万美元", direction = "HigherIsBetter", kind = "Cumulative", leadUnitId = D.UnitA });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var target = await office.PutAsJsonAsync($"/api/v1/indicators/{id}/targets", new { year = 2026, value = 12000, growth = 8 });
        Assert.Equal(HttpStatusCode.OK, target.StatusCode);
        var item = (await target.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("workItemId").GetInt32();

        // Each step a minute later, as in life: the light history keeps one change per item and instant.
        app.Clock.Pin(Now.AddMinutes(1));

        // January–September: 6,000 of 12,000 is 50 % against 75 % of the year gone — 25 points behind.
        Assert.Equal(HttpStatusCode.Created, (await office.PostAsJsonAsync($"/api/v1/indicators/{id}/values", new { year = 2026, periodTo = 9, value = 6000, yoy = 2.0, revision = "Flash" })).StatusCode);
        var lit = await app.WithDbAsync(db => db.WorkItems.IgnoreQueryFilters().AsNoTracking().SingleAsync(w => w.Id == item));
        Assert.Equal(WorkItemKind.Indicator, lit.Kind);
        Assert.Equal(Light.Red, lit.Light);
        Assert.Equal(LightReason.IndicatorFarBehind, lit.LightReason);
        Assert.Equal(25, lit.LightReasonNumber);

        app.Clock.Pin(Now.AddMinutes(2));

        // The office urges it as it would a task: a numbered supervision notice to the lead unit.
        var notice = await office.PostAsJsonAsync($"/api/v1/tasks/{item}/notices", new { kind = "SupervisionNotice", body = "请说明进出口总额滞后原因。", answerBy = "2026-11-27" });
        Assert.Equal(HttpStatusCode.Created, notice.StatusCode);

        // October catches up (10,500 of 12,000: 87.5 % against 83.3 %) with growth above target: green, the red kept in the history.
        Assert.Equal(HttpStatusCode.Created, (await office.PostAsJsonAsync($"/api/v1/indicators/{id}/values", new { year = 2026, periodTo = 10, value = 10500, yoy = 9.0, revision = "Flash" })).StatusCode);
        var after = await app.WithDbAsync(db => db.WorkItems.IgnoreQueryFilters().AsNoTracking().SingleAsync(w => w.Id == item));
        Assert.Equal(Light.Green, after.Light);
        var history = await app.WithDbAsync(db => db.LightChanges.IgnoreQueryFilters().Where(c => c.WorkItemId == item).OrderBy(c => c.Id).Select(c => c.To).ToListAsync());
        Assert.Equal([Light.Red, Light.Green], history.SkipWhile(l => l != Light.Red).ToList());
        var detail = await office.GetFromJsonAsync<JsonElement>($"/api/v1/indicators/{id}?year=2026");
        Assert.Equal("Red", Period(detail, 9).GetProperty("light").GetString());
        Assert.Equal("Green", Period(detail, 10).GetProperty("light").GetString());

        app.Clock.Pin(Now.AddMinutes(3));

        // A later revision replaces the flash figure; the flash one is kept.
        Assert.Equal(HttpStatusCode.Created, (await office.PostAsJsonAsync($"/api/v1/indicators/{id}/values", new { year = 2026, periodTo = 10, value = 9000, yoy = 7.0, revision = "Final" })).StatusCode);
        detail = await office.GetFromJsonAsync<JsonElement>($"/api/v1/indicators/{id}?year=2026");
        Assert.Equal(9000m, Number(Period(detail, 10), "value"));
        Assert.Equal("Final", Period(detail, 10).GetProperty("revision").GetString());
        Assert.Equal(2, Period(detail, 10).GetProperty("revisions").GetInt32());
        Assert.Equal(Light.Yellow, (await app.WithDbAsync(db => db.WorkItems.IgnoreQueryFilters().AsNoTracking().SingleAsync(w => w.Id == item))).Light); // 75 % against 83.3 %, growth short of 8
    }

    [Fact]
    public async Task The_board_exports_as_the_office_lays_it_out_and_LibreOffice_reads_every_indicator_and_the_towns_sheet()
    {
        var office = await D.ApiClientAsync("duchashi");
        var year = await app.WithDbAsync(db => db.IndicatorTargets.IgnoreQueryFilters().Where(t => t.IndicatorId == D.Indicator).MaxAsync(t => t.Year));
        var response = await office.GetAsync($"/api/v1/indicators/export?year={year}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var book = XlsxReader.Read(new MemoryStream(bytes));
        Assert.True(book.Sheets.Count >= 2, "the board and one sheet per indicator decomposed to units");
        var board = book.Sheets[0];
        Assert.Contains("主要经济指标完成情况", board.Raw(1, 1)?.Text, StringComparison.Ordinal);
        var names = board.RowNumbers.Select(r => board.Raw(r, 2)?.Text).ToList();
        foreach (var name in await app.WithDbAsync(db => db.Indicators.IgnoreQueryFilters().Where(i => i.RegionId == D.RegionId).Select(i => i.Name).ToListAsync()))
        {
            Assert.Contains(names, n => n is not null && n.EndsWith(name, StringComparison.Ordinal));
        }

        var towns = book.Sheets.First(s => s.Name == "规上工业总产值");
        Assert.Contains(towns.RowNumbers, r => towns.Raw(r, 2)?.Text == "城关镇");

        // LibreOffice opens it: the first sheet as text holds the title and a red indicator's light.
        var csv = System.Text.Encoding.UTF8.GetString(await LibreOffice.ConvertAsync(bytes, ".xlsx", "csv", "Text - txt - csv (StarCalc):44,34,76"));
        Assert.Contains("主要经济指标完成情况", csv, StringComparison.Ordinal);
        Assert.Contains("红灯", csv, StringComparison.Ordinal);

        // A town's liaison exports only what it sees: the county's published board, no other town's target.
        var town = await D.ApiClientAsync("chengguan");
        var theirs = XlsxReader.Read(new MemoryStream(await town.GetByteArrayAsync($"/api/v1/indicators/export?year={year}")));
        var townSheet = theirs.Sheets.First(s => s.Name == "规上工业总产值");
        var hekou = townSheet.RowNumbers.Single(r => townSheet.Raw(r, 2)?.Text == "河口镇");
        Assert.True(townSheet.Raw(hekou, 5) is null || townSheet.Raw(hekou, 5)!.IsBlank, "another town's target is blank");
    }

    [Fact]
    public async Task Bad_indicator_input_is_refused_in_chinese_and_nothing_is_written()
    {
        var office = await D.ApiClientAsync("duchashi");
        var before = await CountsAsync();
        var noName = await office.PostAsJsonAsync("/api/v1/indicators", new { name = "", leadUnitId = 999999 });
        Assert.Equal(HttpStatusCode.BadRequest, noName.StatusCode);
        var errors = (await noName.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Contains("必填", errors.GetProperty("Name")[0].GetString(), StringComparison.Ordinal);
        Assert.True(errors.TryGetProperty("LeadUnitId", out _));

        var badTarget = await office.PutAsJsonAsync($"/api/v1/indicators/{D.Indicator}/targets", new { year = 2026, value = -5, halfYearPercent = 80, threeQuartersPercent = 60 });
        Assert.Equal(HttpStatusCode.BadRequest, badTarget.StatusCode);
        var badValue = await office.PostAsJsonAsync($"/api/v1/indicators/{D.Indicator}/values", new { year = 2026, periodTo = 1, value = 5 }); // 规上工业总产值 is first published as 1-2月
        Assert.Equal(HttpStatusCode.BadRequest, badValue.StatusCode);
        Assert.Contains("期间", (await badValue.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("PeriodTo")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await CountsAsync());
    }
}

[Collection(OnSqlite.Name)]
public sealed class IndicatorsTestsOnSqlite(SqliteFactory app) : IndicatorsTests(app);

[Collection(OnPostgres.Name)]
public sealed class IndicatorsTestsOnPostgres(PostgresFactory app) : IndicatorsTests(app);

using System.IO.Compression;
using System.Net;
using System.Text.Json;
using Duban.Domain.Bulletins;
using Duban.Domain.Work;
using Duban.IntegrationTests.Infrastructure;
using Duban.Web.Features.Bulletins;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Duban.IntegrationTests.Bulletins;

/// <summary>Bulletins composed from the data, edited, issued in sequence, and opened as Word documents by LibreOffice.</summary>
public abstract class BulletinsTests(DubanFactory app)
{
    private TestData D => app.Data;

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<JsonElement> ComposeAsync(HttpClient office, string kind, string day)
    {
        var response = await office.PostAsJsonAsync("/api/v1/bulletins", new { kind, day });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task<JsonElement> IssueAsync(HttpClient office, int id)
    {
        var response = await office.PostAsync($"/api/v1/bulletins/{id}/issue", null);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static object Edit(JsonElement b, string? title = null, string? summary = null) => new
    {
        title = title ?? b.GetProperty("title").GetString(),
        issuingOffice = b.GetProperty("issuingOffice").GetString(),
        addressee = b.GetProperty("addressee").GetString(),
        summary = summary ?? b.GetProperty("summary").GetString(),
        requirements = b.GetProperty("requirements").GetString(),
        copyTo = b.GetProperty("copyTo").GetString(),
    };

    [Fact]
    public async Task A_draft_holds_the_regions_figures_is_edited_by_the_office_and_issued_with_the_next_number()
    {
        var office = await D.ApiClientAsync("duchashi");
        var liaison = await D.ApiClientAsync("fgj");
        var draft = await ComposeAsync(office, "Weekly", "2026-11-23");
        var id = draft.GetProperty("id").GetInt32();
        Assert.Equal("Draft", draft.GetProperty("status").GetString());
        Assert.Equal("2026-11-23", draft.GetProperty("periodStart").GetString());
        Assert.Equal("2026-11-29", draft.GetProperty("periodEnd").GetString());
        Assert.Contains("2026年第48周", draft.GetProperty("title").GetString(), StringComparison.Ordinal);

        // The figures are the region's own, counted directly.
        var facts = await app.WithDbAsync(db => db.WorkItems.IgnoreQueryFilters().Where(w => w.RegionId == D.RegionId).Select(w => new { w.Kind, w.Light }).ToListAsync());
        var f = draft.GetProperty("figures");
        Assert.Equal(facts.Count(x => x.Kind == WorkItemKind.Task), f.GetProperty("tasks").GetProperty("total").GetInt32());
        Assert.Equal(facts.Count(x => x.Kind == WorkItemKind.Task && x.Light == Light.Red), f.GetProperty("tasks").GetProperty("red").GetInt32());
        // Tasks and projects are named by light; indicators have a section of their own.
        Assert.Equal(facts.Count(x => x.Kind is WorkItemKind.Task or WorkItemKind.KeyProject && x.Light == Light.Red), f.GetProperty("redTotal").GetInt32());
        Assert.Equal(facts.Count(x => x.Kind is WorkItemKind.Task or WorkItemKind.KeyProject && x.Light == Light.Yellow), f.GetProperty("yellowTotal").GetInt32());
        var indicators = f.GetProperty("indicators").EnumerateArray().ToList();
        var asOf = DateOnly.Parse(f.GetProperty("asOf").GetString()!, System.Globalization.CultureInfo.InvariantCulture).Year;
        Assert.Equal(await app.WithDbAsync(db => db.Indicators.IgnoreQueryFilters().CountAsync(i => i.RegionId == D.RegionId
            && db.IndicatorValues.IgnoreQueryFilters().Any(v => v.IndicatorId == i.Id && v.Year == asOf && v.UnitId == null && v.PeerName == null))), indicators.Count);
        Assert.All(f.GetProperty("red").EnumerateArray(), i => Assert.Equal("Red", i.GetProperty("light").GetString()));
        var ranked = f.GetProperty("ranking").EnumerateArray().Where(r => r.GetProperty("rank").ValueKind == JsonValueKind.Number).ToList();
        Assert.NotEmpty(ranked);
        Assert.Equal(Enumerable.Range(1, ranked.Count), ranked.Select(r => r.GetProperty("rank").GetInt32()));
        var rates = ranked.Select(r => r.GetProperty("onTime").GetInt32() * 1.0 / r.GetProperty("due").GetInt32()).ToList();
        Assert.Equal(rates.OrderByDescending(r => r), rates);

        // Bad edits are refused in Chinese and change nothing.
        var bad = await office.PutAsJsonAsync($"/api/v1/bulletins/{id}", Edit(draft, title: " "));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("此项为必填项", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var tooLong = await office.PutAsJsonAsync($"/api/v1/bulletins/{id}", Edit(draft, summary: new string('字', Bulletin.MaxText + 1)));
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Equal(draft.GetProperty("title").GetString(), (await office.GetFromJsonAsync<JsonElement>($"/api/v1/bulletins/{id}")).GetProperty("title").GetString());

        // The office's words survive a refresh of the figures.
        var edited = await office.PutAsJsonAsync($"/api/v1/bulletins/{id}", Edit(draft, summary: "本周各单位总体推进有力。"));
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        var refreshed = await ComposeAsync(office, "Weekly", "2026-11-26");
        Assert.Equal(id, refreshed.GetProperty("id").GetInt32());
        Assert.Equal("本周各单位总体推进有力。", refreshed.GetProperty("summary").GetString());

        // Only the office composes, edits and issues; a liaison does not even see a draft.
        Assert.Equal(HttpStatusCode.Forbidden, (await liaison.PostAsJsonAsync("/api/v1/bulletins", new { kind = "Weekly" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await liaison.PostAsync($"/api/v1/bulletins/{id}/issue", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await liaison.GetAsync($"/api/v1/bulletins/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await liaison.GetAsync($"/api/v1/bulletins/{id}/document")).StatusCode);
        Assert.DoesNotContain((await liaison.GetFromJsonAsync<JsonElement>("/api/v1/bulletins")).EnumerateArray(), b => b.GetProperty("id").GetInt32() == id);

        // Issued with the next number of the year; a second weekly bulletin takes the one after.
        var before = await app.WithDbAsync(db => db.Bulletins.IgnoreQueryFilters().Where(b => b.RegionId == D.RegionId && b.Kind == BulletinKind.Weekly && b.Year == DateTime.UtcNow.Year).MaxAsync(b => b.Sequence)) ?? 0;
        var issued = await IssueAsync(office, id);
        var year = Duban.Domain.RegionClock.Today(app.Clock, "Asia/Shanghai").Year;
        Assert.Equal($"〔{year}〕第{before + 1}期", issued.GetProperty("number").GetString());
        var next = await ComposeAsync(office, "Weekly", "2026-11-16");
        Assert.Equal($"〔{year}〕第{before + 2}期", (await IssueAsync(office, next.GetProperty("id").GetInt32())).GetProperty("number").GetString());

        // An issued bulletin stays as issued.
        var again = await office.PostAsync($"/api/v1/bulletins/{id}/issue", null);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("已签发", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await office.PutAsJsonAsync($"/api/v1/bulletins/{id}", Edit(draft, title: "改标题"))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await office.DeleteAsync($"/api/v1/bulletins/{id}")).StatusCode);
        var recompose = await office.PostAsJsonAsync("/api/v1/bulletins", new { kind = "Weekly", day = "2026-11-24" });
        Assert.Equal(HttpStatusCode.BadRequest, recompose.StatusCode);
        Assert.Contains("已经签发", await recompose.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Every unit hears of it and may read it.
        var inbox = await liaison.GetFromJsonAsync<JsonElement>("/api/v1/inbox");
        Assert.Contains(inbox.EnumerateArray(), m => m.TryGetProperty("bulletinId", out var b) && b.ValueKind == JsonValueKind.Number && b.GetInt32() == id);
        Assert.Equal(HttpStatusCode.OK, (await liaison.GetAsync($"/api/v1/bulletins/{id}")).StatusCode);
        Assert.Contains((await liaison.GetFromJsonAsync<JsonElement>("/api/v1/bulletins")).EnumerateArray(), b => b.GetProperty("id").GetInt32() == id);

        // Every change is in the audit trail.
        var history = await app.WithDbAsync(db => db.AuditEntries.IgnoreQueryFilters().CountAsync(a => a.EntityType == "Bulletin" && a.EntityId == id));
        Assert.True(history >= 3, $"{history} audit entries for the bulletin");
    }

    [Fact]
    public async Task Composing_a_period_not_yet_begun_or_of_an_unknown_kind_is_refused_and_stores_nothing()
    {
        var office = await D.ApiClientAsync("duchashi");
        var count = await app.WithDbAsync(db => db.Bulletins.IgnoreQueryFilters().CountAsync());
        var future = await office.PostAsJsonAsync("/api/v1/bulletins", new { kind = "Monthly", day = Day(Duban.Domain.RegionClock.Today(app.Clock, "Asia/Shanghai").AddMonths(2)) });
        Assert.Equal(HttpStatusCode.BadRequest, future.StatusCode);
        Assert.Contains("还没有开始", await future.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var unknown = await office.PostAsJsonAsync("/api/v1/bulletins", new { kind = "Daily" });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal(count, await app.WithDbAsync(db => db.Bulletins.IgnoreQueryFilters().CountAsync()));
    }

    [Fact]
    public async Task The_bulletin_opens_in_LibreOffice_and_its_PDF_holds_the_figures_items_and_ranking()
    {
        var office = await D.ApiClientAsync("duchashi");
        var bulletin = await ComposeAsync(office, "Monthly", "2026-10-15");
        var id = bulletin.GetProperty("id").GetInt32();
        var response = await office.GetAsync($"/api/v1/bulletins/{id}/document");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(BulletinsApi.DocxType, response.Content.Headers.ContentType?.MediaType);
        var docx = await response.Content.ReadAsByteArrayAsync();

        // A well-formed package: the main part, the footers with page numbers, and the two charts as PNG.
        using (var zip = new ZipArchive(new MemoryStream(docx)))
        {
            Assert.NotNull(zip.GetEntry("word/document.xml"));
            Assert.NotNull(zip.GetEntry("word/footer1.xml"));
            var charts = zip.Entries.Where(e => e.FullName.StartsWith("word/media/", StringComparison.Ordinal)).ToList();
            Assert.Equal(2, charts.Count);
            foreach (var chart in charts)
            {
                using var s = chart.Open();
                var head = new byte[8];
                s.ReadExactly(head);
                Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A }, head);
            }

            var xml = System.Xml.Linq.XDocument.Load(zip.GetEntry("word/document.xml")!.Open());
            Assert.NotNull(xml.Root);
        }

        var (pdf, text) = await LibreOffice.PdfTextAsync(docx, ".docx");
        Assert.True(await LibreOffice.PdfPagesAsync(pdf) >= 2, "A bulletin with its tables and charts runs to more than one A4 page");
        var f = bulletin.GetProperty("figures");
        static string Squeeze(string s) => new(s.Where(c => !char.IsWhiteSpace(c)).ToArray());
        Assert.Contains("督查通报", text, StringComparison.Ordinal);
        Assert.Contains(Squeeze(bulletin.GetProperty("title").GetString()!), text, StringComparison.Ordinal);
        Assert.Contains($"重点工作任务共{f.GetProperty("tasks").GetProperty("total").GetInt32()}项", text, StringComparison.Ordinal);
        Assert.Contains($"红灯{f.GetProperty("tasks").GetProperty("red").GetInt32()}项", text, StringComparison.Ordinal);
        var redTotal = f.GetProperty("redTotal").GetInt32();
        Assert.True(redTotal > 0, "The demo county has red items");
        Assert.Contains($"共有红灯事项{redTotal}项", text, StringComparison.Ordinal);
        foreach (var item in f.GetProperty("red").EnumerateArray().Take(3))
        {
            Assert.Contains(Squeeze(item.GetProperty("name").GetString()!), text, StringComparison.Ordinal);
        }

        var top = f.GetProperty("ranking").EnumerateArray().First();
        Assert.Contains($"{Squeeze(top.GetProperty("unit").GetString()!)}（{top.GetProperty("onTimeRate").GetInt32()}%）", text, StringComparison.Ordinal);
        // 主要经济指标完成情况 comes second and 招商引资 third (counts, no lead named), so the requirements are the seventh
        // section; the weak indicators are named.
        Assert.Contains("二、主要经济指标完成情况", text, StringComparison.Ordinal);
        Assert.Contains("薄弱指标：", text, StringComparison.Ordinal);
        foreach (var weak in f.GetProperty("indicators").EnumerateArray().Where(i => i.GetProperty("light").GetString() == "Red"))
        {
            Assert.Contains(Squeeze(weak.GetProperty("name").GetString()!), text, StringComparison.Ordinal);
        }

        Assert.Contains("三、招商引资推进情况", text, StringComparison.Ordinal);
        Assert.DoesNotContain("光伏组件边框项目", text, StringComparison.Ordinal); // the demo's red lead is counted, not named
        Assert.Contains("七、下步工作要求", text, StringComparison.Ordinal);
        Assert.Contains("印发", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_supervision_notice_prints_and_downloads_as_Word_for_its_unit_and_for_nobody_else()
    {
        var office = await D.ApiClientAsync("duchashi");
        var liaison = await D.ApiClientAsync("fgj");
        var other = await D.ApiClientAsync("chengguan");
        var ledger = await office.PostAsJsonAsync("/api/v1/ledgers", new { name = "督办单测试" + Guid.NewGuid().ToString("N")[..4], year = 2026 });
        var ledgerId = (await ledger.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var task = await office.PostAsJsonAsync("/api/v1/tasks", new { ledgerId, name = "推进县城污水管网改造", leadUnitId = D.UnitA, startDate = "2026-01-01", deadline = "2026-03-01", cadence = "Weekly" });
        var taskId = (await task.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var answerBy = Duban.Domain.RegionClock.Today(app.Clock, "Asia/Shanghai").AddDays(5);
        var notice = await office.PostAsJsonAsync($"/api/v1/tasks/{taskId}/notices", new { kind = "SupervisionNotice", body = "该项工作严重滞后，请书面说明原因和整改措施。", answerBy = Day(answerBy) });
        var n = await notice.Content.ReadFromJsonAsync<JsonElement>();
        var noticeId = n.GetProperty("id").GetInt32();

        var response = await liaison.GetAsync($"/api/v1/notices/{noticeId}/document");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var (_, text) = await LibreOffice.PdfTextAsync(await response.Content.ReadAsByteArrayAsync(), ".docx");
        Assert.Contains("督办单", text, StringComparison.Ordinal);
        Assert.Contains(n.GetProperty("number").GetString()!, text, StringComparison.Ordinal);
        Assert.Contains("推进县城污水管网改造", text, StringComparison.Ordinal);
        Assert.Contains("县发展和改革局", text, StringComparison.Ordinal);
        Assert.Contains($"请于{answerBy.Year}年{answerBy.Month}月{answerBy.Day}日前", text, StringComparison.Ordinal);
        Assert.Contains("已超过完成时限", text, StringComparison.Ordinal);

        // Answered, the document carries the answer.
        await liaison.PostAsJsonAsync($"/api/v1/notices/{noticeId}/answer", new { answer = "已成立专班，月底前完成管网铺设。" });
        var answered = await LibreOffice.PdfTextAsync(await liaison.GetByteArrayAsync($"/api/v1/notices/{noticeId}/document"), ".docx");
        Assert.Contains("已成立专班，月底前完成管网铺设。", answered.Text, StringComparison.Ordinal);

        // The print view, for the unit; another unit gets neither.
        var page = await D.SignedInClientAsync("fgj");
        var html = await page.GetStringAsync($"/Notices/{noticeId}");
        Assert.Contains(n.GetProperty("number").GetString()!, html, StringComparison.Ordinal);
        Assert.Contains("official-document", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/notices/{noticeId}/document")).StatusCode);
        var otherPage = await D.SignedInClientAsync("chengguan");
        Assert.Equal(HttpStatusCode.NotFound, (await otherPage.GetAsync($"/Notices/{noticeId}")).StatusCode);
    }

    [Fact]
    public async Task The_schedule_composes_the_weeks_draft_once_after_Friday_17_00_and_the_months_on_its_last_day()
    {
        async Task<int> Run()
        {
            await using var scope = app.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<ComposeScheduledDrafts>().RunAsync(D.RegionId);
        }

        Task<int> Drafts(DateOnly start) => app.WithDbAsync(db => db.Bulletins.IgnoreQueryFilters().CountAsync(b => b.RegionId == D.RegionId && b.PeriodStart == start));

        // Friday 8 January 2027 in Shanghai (UTC+8).
        using (app.Clock.Pin(new DateTimeOffset(2027, 1, 8, 16, 59, 0, TimeSpan.FromHours(8))))
        {
            Assert.Equal(0, await Run());
        }

        using (app.Clock.Pin(new DateTimeOffset(2027, 1, 8, 17, 1, 0, TimeSpan.FromHours(8))))
        {
            Assert.Equal(1, await Run());
            Assert.Equal(0, await Run());
        }

        Assert.Equal(1, await Drafts(new DateOnly(2027, 1, 4)));
        var draft = await app.WithDbAsync(db => db.Bulletins.IgnoreQueryFilters().SingleAsync(b => b.RegionId == D.RegionId && b.PeriodStart == new DateOnly(2027, 1, 4)));
        Assert.Equal(BulletinStatus.Draft, draft.Status);
        Assert.Equal("定时生成", draft.ComposedByName);
        var office = await app.WithDbAsync(db => db.Users.IgnoreQueryFilters().Where(a => a.UserName == "duchashi").Select(a => a.Id).SingleAsync());
        Assert.True(await app.WithDbAsync(db => db.Messages.IgnoreQueryFilters().AnyAsync(m => m.AccountId == office && m.BulletinId == draft.Id && m.Kind == MessageKind.Bulletin)));
        var fgj = await app.WithDbAsync(db => db.Users.IgnoreQueryFilters().Where(a => a.UserName == "fgj").Select(a => a.Id).SingleAsync());
        Assert.False(await app.WithDbAsync(db => db.Messages.IgnoreQueryFilters().AnyAsync(m => m.AccountId == fgj && m.BulletinId == draft.Id)));

        // Sunday 31 January at 17:30: the month's draft, and the last week's.
        using (app.Clock.Pin(new DateTimeOffset(2027, 1, 31, 17, 30, 0, TimeSpan.FromHours(8))))
        {
            Assert.Equal(2, await Run());
        }

        Assert.Equal(1, await app.WithDbAsync(db => db.Bulletins.IgnoreQueryFilters().CountAsync(b => b.RegionId == D.RegionId && b.Kind == BulletinKind.Monthly && b.PeriodStart == new DateOnly(2027, 1, 1))));
    }

    [Fact]
    public async Task The_office_sets_the_draft_day_hour_and_issuing_office_and_bad_values_are_refused()
    {
        var office = await D.ApiClientAsync("duchashi");
        var before = await office.GetFromJsonAsync<JsonElement>("/api/v1/settings/rules");
        Assert.Equal("Friday", before.GetProperty("bulletinWeekday").GetString());
        Assert.Equal(17, before.GetProperty("bulletinHour").GetInt32());
        var rules = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(before.GetRawText())!;
        try
        {
            var bad = new Dictionary<string, object?>(rules.Select(kv => KeyValuePair.Create(kv.Key, (object?)kv.Value))) { ["bulletinHour"] = 24 };
            var refused = await office.PutAsJsonAsync("/api/v1/settings/rules", bad);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains("bulletinHour", await refused.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
            Assert.Equal(before.GetRawText(), (await office.GetFromJsonAsync<JsonElement>("/api/v1/settings/rules")).GetRawText());

            var good = new Dictionary<string, object?>(rules.Select(kv => KeyValuePair.Create(kv.Key, (object?)kv.Value))) { ["bulletinWeekday"] = "Thursday", ["bulletinHour"] = 9, ["bulletinOffice"] = "青山县委县政府督查室" };
            Assert.Equal(HttpStatusCode.OK, (await office.PutAsJsonAsync("/api/v1/settings/rules", good)).StatusCode);
            var draft = await ComposeAsync(office, "Weekly", "2026-09-07");
            Assert.Equal("青山县委县政府督查室", draft.GetProperty("issuingOffice").GetString());
        }
        finally
        {
            Assert.Equal(HttpStatusCode.OK, (await office.PutAsync("/api/v1/settings/rules", new StringContent(before.GetRawText(), System.Text.Encoding.UTF8, "application/json"))).StatusCode);
        }
    }

    [Fact]
    public async Task The_office_composes_edits_and_issues_on_screen_and_a_liaison_cannot()
    {
        var office = await D.SignedInClientAsync("duchashi");
        var composed = await TestData.PostFormAsync(office, "/Bulletins", "/Bulletins?handler=Compose", new() { ["Compose.Kind"] = "Weekly", ["Compose.Day"] = "2026-08-12" });
        Assert.Equal(HttpStatusCode.Redirect, composed.StatusCode);
        var location = composed.Headers.Location!.ToString();
        Assert.Matches(@"^/Bulletins/\d+$", location);
        var page = await office.GetStringAsync(location);
        Assert.Contains("official-document", page, StringComparison.Ordinal);
        Assert.Contains("2026年第33周", page, StringComparison.Ordinal);

        // A blank title is refused on the form and the draft keeps its own.
        var blank = await TestData.PostFormAsync(office, location, location + "?handler=Save", new() { ["Input.Title"] = "", ["Input.IssuingOffice"] = "督查室", ["Input.Addressee"] = "各单位：", ["Input.Summary"] = "总体", ["Input.Requirements"] = "要求" });
        Assert.Equal(HttpStatusCode.OK, blank.StatusCode);
        Assert.Contains("此项为必填项", await blank.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var liaison = await D.SignedInClientAsync("fgj");
        Assert.Equal(HttpStatusCode.NotFound, (await liaison.GetAsync(location)).StatusCode);
        var forbidden = await TestData.PostFormAsync(liaison, "/Bulletins", "/Bulletins?handler=Compose", new() { ["Compose.Kind"] = "Weekly" });
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await TestData.PostFormAsync(liaison, "/Bulletins", location + "?handler=Issue", new() { ["Input.Title"] = "x" })).StatusCode);

        var issued = await TestData.PostFormAsync(office, location, location + "?handler=Issue", new() { ["Input.Title"] = "关于2026年第33周重点工作推进情况的通报", ["Input.IssuingOffice"] = "青山县督查室", ["Input.Addressee"] = "各乡镇、各部门：", ["Input.Summary"] = "总体情况良好。", ["Input.Requirements"] = "一是抓整改。\n二是抓推进。" });
        Assert.Equal(HttpStatusCode.Redirect, issued.StatusCode);
        var print = await liaison.GetStringAsync(location + "/Print");
        Assert.Matches(@"〔\d{4}〕第\d+期", print);
        Assert.Contains("一是抓整改。", print, StringComparison.Ordinal);
    }
}

[Collection(OnSqlite.Name)]
public sealed class BulletinsTestsOnSqlite(SqliteFactory app) : BulletinsTests(app);

[Collection(OnPostgres.Name)]
public sealed class BulletinsTestsOnPostgres(PostgresFactory app) : BulletinsTests(app);

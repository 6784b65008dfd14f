using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Duban.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Duban.IntegrationTests.Tasks;

public abstract partial class AttachmentTests(DubanFactory app)
{
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46, 0x00, 0x01, 0x02, 0x03];
    private static readonly byte[] Executable = [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00];

    private async Task<int> NewTaskAsync()
    {
        var office = await app.Data.ApiClientAsync("duchashi");
        var ledger = await office.PostAsJsonAsync("/api/v1/ledgers", new { name = "附件测试" + Guid.NewGuid().ToString("N")[..4], year = 2026 });
        var ledgerId = (await ledger.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var task = await office.PostAsJsonAsync("/api/v1/tasks", new { ledgerId, name = "拍摄施工现场形象进度", leadUnitId = app.Data.UnitA, cadence = "Weekly" });
        return (await task.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
    }

    private static async Task<HttpResponseMessage> ReportAsync(HttpClient browser, int taskId, params (string Name, byte[] Bytes)[] files)
    {
        var page = await browser.GetStringAsync($"/Tasks/{taskId}");
        var token = Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent("完成主体结构施工，附现场照片。"), "Report.Done" },
            { new StringContent("40"), "Report.Percent" },
        };
        foreach (var (name, bytes) in files)
        {
            form.Add(new ByteArrayContent(bytes), "files", name);
        }

        return await browser.PostAsync($"/Tasks/{taskId}?handler=Report", form);
    }

    [Fact]
    public async Task A_photo_is_stored_with_the_report_and_served_only_to_those_who_see_the_task()
    {
        var taskId = await NewTaskAsync();
        var browser = await app.Data.SignedInClientAsync("fgj");
        var response = await ReportAsync(browser, taskId, ("现场照片.jpg", Jpeg));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var attachment = await app.WithDbAsync(db => db.Attachments.IgnoreQueryFilters().SingleAsync(a => a.WorkItemId == taskId));
        Assert.Equal("现场照片.jpg", attachment.FileName);
        Assert.Equal(Jpeg.Length, attachment.Size);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Jpeg)), attachment.Sha256);

        var file = await browser.GetAsync($"/api/v1/attachments/{attachment.Id}");
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal("image/jpeg", file.Content.Headers.ContentType!.MediaType);
        Assert.Equal(Jpeg, await file.Content.ReadAsByteArrayAsync());
        var page = await browser.GetStringAsync($"/Tasks/{taskId}");
        Assert.Contains($"/api/v1/attachments/{attachment.Id}", page, StringComparison.Ordinal);

        var stranger = await app.Data.SignedInClientAsync("chengguan");
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/v1/attachments/{attachment.Id}")).StatusCode);
    }

    [Fact]
    public async Task A_disguised_executable_is_refused_with_the_reason_and_nothing_is_written()
    {
        var taskId = await NewTaskAsync();
        var browser = await app.Data.SignedInClientAsync("fgj");
        var response = await ReportAsync(browser, taskId, ("现场照片.jpg", Jpeg), ("照片2.jpg", Executable));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("“照片2.jpg”不是允许的文件类型", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.ProgressReports.IgnoreQueryFilters().CountAsync(r => r.WorkItemId == taskId)));
        Assert.Equal(0, await app.WithDbAsync(db => db.Attachments.IgnoreQueryFilters().CountAsync(a => a.WorkItemId == taskId)));

        var tooMany = await ReportAsync(browser, taskId, Enumerable.Range(1, 6).Select(i => ($"{i}.jpg", Jpeg)).ToArray());
        Assert.Contains("一次最多上传 5 个附件", await tooMany.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_api_takes_a_report_with_attachments_as_multipart_and_refuses_a_disguised_file_whole()
    {
        var taskId = await NewTaskAsync();
        var api = await app.Data.ApiClientAsync("fgj");
        static MultipartFormDataContent Form(string percent, params (string Name, byte[] Bytes)[] files)
        {
            var form = new MultipartFormDataContent
            {
                { new StringContent("完成桩基施工。"), "done" },
                { new StringContent(percent), "percent" },
            };
            foreach (var (name, bytes) in files)
            {
                form.Add(new ByteArrayContent(bytes), "files", name);
            }

            return form;
        }

        using (var bad = Form("30", ("现场照片.jpg", Jpeg), ("照片.jpg", Executable)))
        {
            var refused = await api.PostAsync($"/api/v1/tasks/{taskId}/reports/with-attachments", bad);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains("照片.jpg", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var notANumber = Form("约三成", ("现场照片.jpg", Jpeg)))
        {
            Assert.Equal(HttpStatusCode.BadRequest, (await api.PostAsync($"/api/v1/tasks/{taskId}/reports/with-attachments", notANumber)).StatusCode);
        }

        Assert.Equal(0, await app.WithDbAsync(db => db.ProgressReports.IgnoreQueryFilters().CountAsync(r => r.WorkItemId == taskId)));
        Assert.Equal(0, await app.WithDbAsync(db => db.Attachments.IgnoreQueryFilters().CountAsync(a => a.WorkItemId == taskId)));

        using var good = Form("30", ("现场照片.jpg", Jpeg));
        var created = await api.PostAsync($"/api/v1/tasks/{taskId}/reports/with-attachments", good);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var report = await created.Content.ReadFromJsonAsync<JsonElement>();
        var attachment = Assert.Single(report.GetProperty("attachments").EnumerateArray());
        Assert.Equal("现场照片.jpg", attachment.GetProperty("fileName").GetString());
        Assert.Equal(Jpeg, await api.GetByteArrayAsync(attachment.GetProperty("url").GetString()));

        var listed = await api.GetFromJsonAsync<JsonElement>($"/api/v1/tasks/{taskId}/reports");
        Assert.Equal(attachment.GetProperty("id").GetInt32(), listed[0].GetProperty("attachments")[0].GetProperty("id").GetInt32());

        // Another unit's liaison can neither add to the task nor read its files.
        var other = await app.Data.ApiClientAsync("chengguan");
        using var foreign = Form("50", ("现场照片.jpg", Jpeg));
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsync($"/api/v1/tasks/{taskId}/reports/with-attachments", foreign)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(attachment.GetProperty("url").GetString())).StatusCode);
    }
}

[Collection(OnSqlite.Name)]
public sealed class AttachmentTestsOnSqlite(SqliteFactory app) : AttachmentTests(app);

[Collection(OnPostgres.Name)]
public sealed class AttachmentTestsOnPostgres(PostgresFactory app) : AttachmentTests(app);

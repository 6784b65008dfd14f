using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Duban.Domain.Work;
using Duban.IntegrationTests.Infrastructure;
using Duban.Web.Features.Notices;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Duban.IntegrationTests.Tasks;

/// <summary>
/// Email goes to a real SMTP server (Debian's aiosmtpd, writing a maildir) and the webhook to a real HTTP
/// listener, both on loopback; a stopped mail server shows as a retried, visible failure.
/// </summary>
public sealed partial class DeliveryTests : IAsyncLifetime
{
    private readonly string maildir = Directory.CreateTempSubdirectory("duban-mail-").FullName;
    private readonly int smtpPort = FreePort();
    private readonly int hookPort = FreePort();
    private readonly List<string> hooks = [];
    private readonly List<string> hookUrls = [];
    private readonly HttpListener listener = new();
    private Process? smtp;
    private NotifyingFactory app = null!;

    public async Task InitializeAsync()
    {
        await StartSmtpAsync();
        listener.Prefixes.Add($"http://127.0.0.1:{hookPort}/robot/");
        listener.Start();
        _ = Task.Run(async () =>
        {
            while (listener.IsListening)
            {
                try
                {
                    var context = await listener.GetContextAsync();
                    using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
                    var body = await reader.ReadToEndAsync();
                    lock (hooks)
                    {
                        hooks.Add(body);
                        hookUrls.Add(context.Request.Url!.PathAndQuery);
                    }

                    context.Response.StatusCode = 200;
                    context.Response.Close();
                }
                catch (HttpListenerException)
                {
                    return;
                }
                catch (ObjectDisposedException)
                {
                    return;
                }
            }
        });
        app = new NotifyingFactory(smtpPort, $"http://127.0.0.1:{hookPort}/robot/send");
        await app.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        StopSmtp();
        listener.Stop();
        listener.Close();
        await ((IAsyncLifetime)app).DisposeAsync();
        Directory.Delete(maildir, recursive: true);
    }

    [Fact]
    public async Task The_region_sets_its_own_group_robot_and_no_page_response_or_audit_entry_shows_its_secret()
    {
        await SendAsync();
        lock (hooks)
        {
            hooks.Clear();
            hookUrls.Clear();
        }

        var secret = "robot-secret-" + Guid.NewGuid().ToString("N");
        var url = $"http://127.0.0.1:{hookPort}/robot/region?access_token={secret}";
        var admin = await app.Data.ApiClientAsync("admin");
        var office = await app.Data.ApiClientAsync("duchashi");
        Assert.Equal(HttpStatusCode.Forbidden, (await office.PutAsJsonAsync("/api/v1/settings/system", new { webhookUrl = url })).StatusCode);
        var bad = await admin.PutAsJsonAsync("/api/v1/settings/system", new { webhookUrl = "robot.example/send" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("https://", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var set = await admin.PutAsJsonAsync("/api/v1/settings/system", new { webhookUrl = url });
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        var shown = await set.Content.ReadAsStringAsync();
        Assert.DoesNotContain(secret, shown, StringComparison.Ordinal);
        Assert.Contains("access_token=••••", shown, StringComparison.Ordinal);

        var ledger = await office.PostAsJsonAsync("/api/v1/ledgers", new { name = "机器人测试", year = 2026 });
        var ledgerId = (await ledger.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var task = await office.PostAsJsonAsync("/api/v1/tasks", new { ledgerId, name = "区域机器人任务", leadUnitId = app.Data.UnitA });
        var taskId = (await task.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var answerBy = DateTime.UtcNow.AddDays(5).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(HttpStatusCode.Created, (await office.PostAsJsonAsync($"/api/v1/tasks/{taskId}/notices", new { body = "请说明。", answerBy })).StatusCode);
        await SendAsync();
        lock (hooks)
        {
            // The region's robot, not the deployment's.
            Assert.Contains("/robot/region?access_token=" + secret, hookUrls);
            Assert.DoesNotContain(hookUrls, u => u.StartsWith("/robot/send", StringComparison.Ordinal));
        }

        Assert.DoesNotContain(secret, await office.GetStringAsync("/api/v1/deliveries"), StringComparison.Ordinal);
        var adminPage = await app.Data.SignedInClientAsync("admin");
        var settingsPage = await adminPage.GetStringAsync("/Settings/System");
        Assert.Contains("access_token=••••", settingsPage, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, settingsPage, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, await (await app.Data.SignedInClientAsync("duchashi")).GetStringAsync("/Deliveries"), StringComparison.Ordinal);
        var leaked = await app.WithDbAsync(db => db.AuditEntries.IgnoreQueryFilters().AnyAsync(a => (a.After ?? string.Empty).Contains(secret) || (a.Before ?? string.Empty).Contains(secret)));
        Assert.False(leaked, "The robot's secret was written into the audit trail.");
    }

    [Fact]
    public async Task A_notice_reaches_the_liaison_by_email_and_the_group_robot_and_a_failure_is_retried()
    {
        // The demo's own first reminders (overdue items, to the group robot) go out first and are set aside.
        await SendAsync();
        lock (hooks)
        {
            Assert.NotEmpty(hooks);
            hooks.Clear();
        }

        await app.WithDbAsync(async db =>
        {
            var person = await db.Users.IgnoreQueryFilters().Where(a => a.UserName == "fgj").Select(a => a.PersonId).SingleAsync();
            await db.People.IgnoreQueryFilters().Where(p => p.Id == person).ExecuteUpdateAsync(s => s.SetProperty(p => p.Email, "fgj-liaison@qingshan.example"));
            return 0;
        });
        var office = await app.Data.ApiClientAsync("duchashi");
        var ledger = await office.PostAsJsonAsync("/api/v1/ledgers", new { name = "发送测试", year = 2026 });
        var ledgerId = (await ledger.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var task = await office.PostAsJsonAsync("/api/v1/tasks", new { ledgerId, name = "推进园区标准厂房建设", leadUnitId = app.Data.UnitA, cadence = "Weekly" });
        var taskId = (await task.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var answerBy = DateTime.UtcNow.AddDays(5).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var notice = await office.PostAsJsonAsync($"/api/v1/tasks/{taskId}/notices", new { body = "请于五日内书面说明进展。", answerBy });
        var number = (await notice.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("number").GetString()!;
        var (sent, failed) = await SendAsync();
        var errors = await office.GetStringAsync("/api/v1/deliveries");
        Assert.True((sent, failed) == (2, 0), errors);

        var mail = await WaitForMailAsync(1);
        Assert.Contains("To: fgj-liaison@qingshan.example", mail[0], StringComparison.Ordinal);
        Assert.Contains(number, DecodeSubject(mail[0]), StringComparison.Ordinal);
        string hook;
        lock (hooks)
        {
            hook = Assert.Single(hooks);
        }

        var json = JsonDocument.Parse(hook).RootElement;
        Assert.Equal("text", json.GetProperty("msgtype").GetString());
        Assert.Contains(number, json.GetProperty("text").GetProperty("content").GetString(), StringComparison.Ordinal);

        // The mail server goes away: the next email fails, is kept for a retry, and the office can see why.
        StopSmtp();
        await office.PostAsJsonAsync($"/api/v1/tasks/{taskId}/notices", new { body = "再次督办。", answerBy });
        (sent, failed) = await SendAsync();
        Assert.Equal(1, failed); // the email; the webhook still went
        var deliveries = await office.GetFromJsonAsync<JsonElement>("/api/v1/deliveries");
        var pending = deliveries.EnumerateArray().Single(d => d.GetProperty("status").GetString() == "Pending");
        Assert.Equal(1, pending.GetProperty("attempts").GetInt32());
        Assert.False(string.IsNullOrEmpty(pending.GetProperty("lastError").GetString()));

        // Too early for the retry: nothing is tried. After the pause, with the server back, it goes.
        Assert.Equal((0, 0), await SendAsync());
        await StartSmtpAsync();
        using (app.Clock.Pin(DateTimeOffset.UtcNow.AddMinutes(2)))
        {
            Assert.Equal((1, 0), await SendAsync());
        }

        Assert.Equal(2, (await WaitForMailAsync(2)).Count);
    }

    private async Task<(int Sent, int Failed)> SendAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SendDeliveries>().RunAsync();
    }

    private async Task<List<string>> WaitForMailAsync(int count)
    {
        for (var i = 0; i < 50; i++)
        {
            var files = Directory.Exists(Path.Combine(maildir, "new")) ? Directory.GetFiles(Path.Combine(maildir, "new")) : [];
            if (files.Length >= count)
            {
                return files.Select(File.ReadAllText).ToList();
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"Expected {count} mails in {maildir}.");
    }

    private static string DecodeSubject(string mail)
    {
        var words = EncodedWord().Matches(mail[..mail.IndexOf("\n\n", StringComparison.Ordinal)].Replace("\r", string.Empty, StringComparison.Ordinal));
        return string.Concat(words.Select(m => Encoding.UTF8.GetString(Convert.FromBase64String(m.Groups[1].Value))));
    }

    private async Task StartSmtpAsync()
    {
        foreach (var sub in new[] { "tmp", "new", "cur" })
        {
            Directory.CreateDirectory(Path.Combine(maildir, sub)); // a maildir, as aiosmtpd's Mailbox expects
        }

        var start = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in new[] { "-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{smtpPort}", "-c", "aiosmtpd.handlers.Mailbox", maildir })
        {
            start.ArgumentList.Add(arg);
        }

        smtp = Process.Start(start) ?? throw new InvalidOperationException("aiosmtpd did not start: install Debian's python3-aiosmtpd (scripts/test.sh does).");
        for (var i = 0; i < 100; i++)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, smtpPort);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }

        throw new InvalidOperationException("aiosmtpd did not listen: " + await smtp.StandardError.ReadToEndAsync());
    }

    private void StopSmtp()
    {
        if (smtp is { HasExited: false })
        {
            smtp.Kill(entireProcessTree: true);
            smtp.WaitForExit();
        }

        smtp?.Dispose();
        smtp = null;
    }

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }

    [GeneratedRegex(@"=\?utf-8\?B\?([^?]+)\?=", RegexOptions.IgnoreCase)]
    private static partial Regex EncodedWord();
}

using System.Net;
using System.Net.Http.Json;
using System.Net.Mail;
using Duban.Data;
using Duban.Domain.Organisation;
using Duban.Domain.Work;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Duban.Web.Features.Notices;

/// <summary>Where messages go besides the inbox. Empty settings switch a channel off.</summary>
public sealed class NotifyOptions
{
    public string? SmtpHost { get; set; }
    public int SmtpPort { get; set; } = 25;
    public bool SmtpSsl { get; set; }
    public string? SmtpUser { get; set; }
    public string? SmtpPassword { get; set; }
    public string SmtpFrom { get; set; } = "duban@localhost";

    /// <summary>A group robot (DingTalk, WeCom) or any endpoint that takes {"msgtype":"text","text":{"content":…}}.</summary>
    public string? WebhookUrl { get; set; }

    public bool EmailEnabled => !string.IsNullOrWhiteSpace(SmtpHost);

    public bool WebhookEnabled => !string.IsNullOrWhiteSpace(WebhookUrl);
}

/// <summary>The seam to the mail server.</summary>
public interface IEmailSender
{
    Task SendAsync(string recipient, string subject, string body, CancellationToken ct);
}

public sealed class SmtpEmailSender(IOptions<NotifyOptions> options) : IEmailSender
{
    public async Task SendAsync(string recipient, string subject, string body, CancellationToken ct)
    {
        var o = options.Value;
        using var client = new SmtpClient(o.SmtpHost, o.SmtpPort) { EnableSsl = o.SmtpSsl, DeliveryMethod = SmtpDeliveryMethod.Network };
        if (!string.IsNullOrEmpty(o.SmtpUser))
        {
            client.Credentials = new NetworkCredential(o.SmtpUser, o.SmtpPassword);
        }

        using var mail = new MailMessage(o.SmtpFrom, recipient, subject, body) { SubjectEncoding = System.Text.Encoding.UTF8, BodyEncoding = System.Text.Encoding.UTF8 };
        await client.SendMailAsync(mail, ct);
    }
}

/// <summary>Queues a message's email and webhook deliveries next to it, so nothing is sent twice.</summary>
public sealed class QueueDeliveries(DubanDb db, IOptions<NotifyOptions> options, TimeProvider clock)
{
    public async Task EnqueueAsync(IReadOnlyList<Message> messages, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var o = options.Value;
        if (messages.Count == 0)
        {
            return;
        }

        var hooks = await RegionHooks.OfAsync(db, messages.Select(m => m.RegionId), ct);
        if (!o.EmailEnabled && !o.WebhookEnabled && hooks.Count == 0)
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var deliveries = new List<Delivery>();
        if (o.EmailEnabled)
        {
            var ids = messages.Select(m => m.AccountId).Distinct().ToList();
            var addresses = await db.Users.IgnoreQueryFilters().Where(a => ids.Contains(a.Id))
                .Select(a => new { a.Id, Email = db.People.IgnoreQueryFilters().Where(p => p.Id == a.PersonId).Select(p => p.Email).FirstOrDefault() ?? a.Email })
                .ToDictionaryAsync(x => x.Id, x => x.Email, ct);
            deliveries.AddRange(messages.Where(m => !string.IsNullOrWhiteSpace(addresses.GetValueOrDefault(m.AccountId))).Select(m => new Delivery
            {
                RegionId = m.RegionId,
                MessageId = m.Id,
                Channel = DeliveryChannel.Email,
                Target = addresses[m.AccountId]!,
                Subject = "【督办】" + m.Title,
                Body = m.Title + (m.Body is null ? string.Empty : "\n" + m.Body),
                NextAttemptAt = now,
                CreatedAt = now,
                DedupKey = "mail:" + m.DedupKey,
            }));
        }

        if (o.WebhookEnabled || hooks.Count > 0)
        {
            // A group robot hears each event once, not once per recipient. The region's own robot, else the
            // deployment's; the row keeps only the masked address, the secret is looked up when it is sent.
            deliveries.AddRange(messages.Where(m => m.Kind is MessageKind.Notice or MessageKind.Overdue && (hooks.ContainsKey(m.RegionId) || o.WebhookEnabled))
                .GroupBy(m => m.DedupKey[..m.DedupKey.LastIndexOf(':')] + (m.Kind == MessageKind.Overdue ? m.DedupKey[m.DedupKey.LastIndexOf(':')..] : string.Empty))
                .Select(g => g.First())
                .Select(m => new Delivery
                {
                    RegionId = m.RegionId,
                    MessageId = m.Id,
                    Channel = DeliveryChannel.Webhook,
                    Target = Secrets.Mask(hooks.GetValueOrDefault(m.RegionId) ?? o.WebhookUrl),
                    Subject = m.Title,
                    Body = "【督办】" + m.Title + (m.Body is null ? string.Empty : "\n" + m.Body),
                    NextAttemptAt = now,
                    CreatedAt = now,
                    DedupKey = "hook:" + HookKey(m),
                }));
        }

        var keys = deliveries.Select(d => d.DedupKey).ToList();
        var existing = (await db.Deliveries.IgnoreQueryFilters().Where(d => keys.Contains(d.DedupKey)).Select(d => d.DedupKey).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        db.Deliveries.AddRange(deliveries.Where(d => existing.Add(d.DedupKey)));
        await db.SaveChangesAsync(ct);
    }

    // The message key without its account: "Overdue:12:{account}:20260610" → "Overdue:12:20260610".
    private static string HookKey(Message m)
    {
        var parts = m.DedupKey.Split(':');
        return parts.Length >= 4 ? $"{parts[0]}:{parts[1]}:{string.Join(':', parts[3..])}" : $"{parts[0]}:{parts[1]}";
    }
}

/// <summary>Sends what is due, records each try, and backs off on failure.</summary>
/// <summary>The group robots the regions set for themselves, read once for a batch of messages or deliveries.</summary>
internal static class RegionHooks
{
    public static async Task<Dictionary<int, string>> OfAsync(DubanDb db, IEnumerable<int> regionIds, CancellationToken ct)
    {
        var ids = regionIds.Distinct().ToList();
        return ids.Count == 0 ? [] : await db.Regions.IgnoreQueryFilters().Where(r => ids.Contains(r.Id) && r.WebhookUrl != null)
            .ToDictionaryAsync(r => r.Id, r => r.WebhookUrl!, ct);
    }
}

public sealed class SendDeliveries(DubanDb db, IEmailSender email, IHttpClientFactory http, IOptions<NotifyOptions> options, TimeProvider clock)
{
    public async Task<(int Sent, int Failed)> RunAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.Deliveries.IgnoreQueryFilters().Where(d => d.Status == DeliveryStatus.Pending && d.NextAttemptAt <= now)
            .OrderBy(d => d.NextAttemptAt).Take(100).ToListAsync(ct);
        var hooks = await RegionHooks.OfAsync(db, due.Where(d => d.Channel == DeliveryChannel.Webhook).Select(d => d.RegionId), ct);
        var sent = 0;
        var failed = 0;
        foreach (var delivery in due)
        {
            try
            {
                if (delivery.Channel == DeliveryChannel.Email)
                {
                    await email.SendAsync(delivery.Target, delivery.Subject, delivery.Body, ct);
                }
                else
                {
                    var url = hooks.GetValueOrDefault(delivery.RegionId)
                        ?? options.Value.WebhookUrl
                        ?? throw new InvalidOperationException("No group robot is configured.");
                    using var client = http.CreateClient("webhook");
                    using var response = await client.PostAsJsonAsync(new Uri(url), new { msgtype = "text", text = new { content = delivery.Body } }, ct);
                    response.EnsureSuccessStatusCode();
                }

                delivery.Succeeded(clock.GetUtcNow().UtcDateTime);
                sent++;
            }
            catch (Exception ex) when (ex is SmtpException or HttpRequestException or IOException or InvalidOperationException or TaskCanceledException or FormatException)
            {
                delivery.Failed(ex.GetBaseException().Message, clock.GetUtcNow().UtcDateTime);
                failed++;
            }

            await db.SaveChangesAsync(ct);
        }

        return (sent, failed);
    }
}

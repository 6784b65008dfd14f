namespace Duban.Domain.Organisation;

public sealed class Region : IAudited
{
    public int Id { get; set; }
    public required string Name { get; set; }

    /// <summary>Administrative division code, e.g. 330110.</summary>
    public required string Code { get; set; }

    /// <summary>IANA time zone that decides what "today" is for deadlines in this region.</summary>
    public string TimeZoneId { get; set; } = RegionClock.DefaultTimeZoneId;

    /// <summary>
    /// The region's group robot (DingTalk, WeCom or alike). Its query carries the robot's secret, so it is never
    /// shown back (<see cref="Secrets.Mask"/>) and never written into the audit trail.
    /// </summary>
    public string? WebhookUrl { get; set; }
}

public static class Secrets
{
    /// <summary>"https://oapi.example.com/robot/send?access_token=••••": where it goes, without what opens it.</summary>
    public static string Mask(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return string.Empty;
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return "••••";
        }

        var query = uri.Query.TrimStart('?');
        var masked = query.Length == 0 ? string.Empty
            : "?" + string.Join('&', query.Split('&').Select(p => p.Contains('=', StringComparison.Ordinal) ? p[..p.IndexOf('=', StringComparison.Ordinal)] + "=••••" : "••••"));
        return uri.GetLeftPart(UriPartial.Path) + masked;
    }
}

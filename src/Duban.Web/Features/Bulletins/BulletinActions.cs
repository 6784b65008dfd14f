using Duban.Data;
using Duban.Domain.Access;
using Duban.Domain.Bulletins;
using Duban.Domain.Work;
using Duban.Web.Features.Notices;
using Duban.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Duban.Web.Features.Bulletins;

public sealed record ComposeInput
{
    public BulletinKind Kind { get; init; } = BulletinKind.Weekly;

    /// <summary>Any day of the period; empty for today.</summary>
    public DateOnly? Day { get; init; }
}

/// <summary>The office's words on a draft.</summary>
public sealed record BulletinInput
{
    public string? Title { get; init; }
    public string? IssuingOffice { get; init; }
    public string? Addressee { get; init; }
    public string? Summary { get; init; }
    public string? Requirements { get; init; }
    public string? CopyTo { get; init; }

    public static BulletinInput From(Bulletin b)
    {
        ArgumentNullException.ThrowIfNull(b);
        return new() { Title = b.Title, IssuingOffice = b.IssuingOffice, Addressee = b.Addressee, Summary = b.Summary, Requirements = b.Requirements, CopyTo = b.CopyTo };
    }
}

public sealed record BulletinDto(
    int Id, BulletinKind Kind, DateOnly PeriodStart, DateOnly PeriodEnd, BulletinStatus Status, string? Number, string Title,
    string IssuingOffice, string Addressee, string Summary, string Requirements, string? CopyTo,
    DateTime ComposedAt, string ComposedBy, DateOnly? IssuedOn, string? IssuedBy, BulletinFigures Figures)
{
    public static BulletinDto From(Bulletin b)
    {
        ArgumentNullException.ThrowIfNull(b);
        return new(b.Id, b.Kind, b.PeriodStart, b.PeriodEnd, b.Status, b.IsIssued ? b.Number : null, b.Title, b.IssuingOffice, b.Addressee, b.Summary,
            b.Requirements, b.CopyTo, b.ComposedAt, b.ComposedByName, b.IssuedOn, b.IssuedByName, BulletinFigures.FromJson(b.Figures));
    }
}

/// <summary>
/// Composes the draft of a period's bulletin from the data, or refreshes the figures of the draft already
/// there. A refresh rewrites the summary paragraph only when the office has not edited it.
/// Used by the office's button and by the schedule (<see cref="Jobs.BulletinsJob"/>).
/// </summary>
public sealed class ComposeBulletin(DubanDb db, DubanDbForks forks, TimeProvider clock, IStringLocalizer<SharedResource> l)
{
    public async Task<Outcome<Bulletin>> RunAsync(int regionId, ComposeInput input, string by, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var region = await db.Regions.IgnoreQueryFilters().AsNoTracking().FirstAsync(r => r.Id == regionId, ct);
        var utcNow = clock.GetUtcNow().UtcDateTime;
        var today = Domain.RegionClock.Today(clock, region.TimeZoneId);
        var errors = new ValidationErrors();
        if (!Enum.IsDefined(input.Kind))
        {
            errors.Add(nameof(ComposeInput.Kind), l["Validation.Invalid"]);
            return Outcome<Bulletin>.Invalid(errors);
        }

        var day = input.Day ?? today;
        var (start, _) = BulletinPeriod.Of(input.Kind, day);
        if (start > today)
        {
            errors.Add(nameof(ComposeInput.Day), l["Bulletins.FuturePeriod"]);
            return Outcome<Bulletin>.Invalid(errors);
        }

        var existing = await db.Bulletins.IgnoreQueryFilters().FirstOrDefaultAsync(b => b.RegionId == regionId && b.Kind == input.Kind && b.PeriodStart == start, ct);
        if (existing is { IsIssued: true })
        {
            errors.Add(string.Empty, l["Bulletins.PeriodIssued", existing.Number]);
            return Outcome<Bulletin>.Invalid(errors);
        }

        var figures = await BulletinFigures.ComposeAsync(db, regionId, input.Kind, day, utcNow, forks.Create, ct);
        using var culture = DocumentCulture.Use();
        if (existing is not null)
        {
            var edited = existing.Summary != Summary(BulletinFigures.FromJson(existing.Figures));
            existing.Recompose(figures.ToJson(), edited ? existing.Summary : Summary(figures), utcNow, by);
            await db.SaveChangesAsync(ct);
            return Outcome<Bulletin>.Ok(existing);
        }

        var settings = await db.RegionLightSettings.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(s => s.RegionId == regionId, ct);
        var bulletin = new Bulletin
        {
            RegionId = regionId,
            Kind = input.Kind,
            PeriodStart = figures.PeriodStart,
            PeriodEnd = figures.PeriodEnd,
            Status = BulletinStatus.Draft,
            Title = l["Bulletins.DefaultTitle", PeriodName(input.Kind, figures.PeriodStart)],
            IssuingOffice = BulletinAccess.IssuingOffice(settings?.BulletinOffice, region.Name, l),
            Addressee = l["Bulletins.DefaultAddressee"],
            Summary = Summary(figures),
            Requirements = l["Bulletins.DefaultRequirements"],
            CopyTo = l["Bulletins.DefaultCopyTo"],
            Figures = figures.ToJson(),
            ComposedAt = utcNow,
            ComposedByName = by,
        };
        db.Bulletins.Add(bulletin);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another node or another person composed this period's draft meanwhile: that one stands.
            db.ChangeTracker.Clear();
            var other = await db.Bulletins.IgnoreQueryFilters().FirstAsync(b => b.RegionId == regionId && b.Kind == input.Kind && b.PeriodStart == start, ct);
            return Outcome<Bulletin>.Ok(other);
        }

        return Outcome<Bulletin>.Ok(bulletin);
    }

    /// <summary>"2026年第48周" or "2026年11月".</summary>
    private static string PeriodName(BulletinKind kind, DateOnly start)
    {
        if (kind == BulletinKind.Monthly)
        {
            return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{start.Year}年{start.Month}月");
        }

        var (year, week) = BulletinPeriod.IsoWeek(start);
        return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{year}年第{week}周");
    }

    /// <summary>The opening paragraph, from the figures alone (so that an unedited one can be told apart).</summary>
    private string Summary(BulletinFigures f)
    {
        var t = f.Tasks;
        var p = f.Projects;
        return l["Bulletins.DefaultSummary", BulletinPeriod.ChineseDate(f.AsOf), f.Region, t.Total, t.Done, t.Green, t.Yellow, t.Red, t.Grey,
            p.Total, p.Red, p.Yellow, f.Problems.Total, f.Problems.Done];
    }
}

/// <summary>The office edits a draft's words; an issued bulletin stays as it was issued.</summary>
public sealed class EditBulletin(DubanDb db, IStringLocalizer<SharedResource> l)
{
    public async Task<Outcome<Bulletin>> RunAsync(AccessScope scope, int id, BulletinInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        scope.Demand(Permission.ComposeBulletins);
        ArgumentNullException.ThrowIfNull(input);
        var bulletin = await db.Bulletins.FirstOrDefaultAsync(b => b.Id == id && b.RegionId == scope.RegionId, ct);
        if (bulletin is null)
        {
            return Outcome<Bulletin>.NotFound();
        }

        var errors = new ValidationErrors();
        string Text(string field, string? value, int max, bool required)
        {
            var text = value?.Trim() ?? string.Empty;
            if (required && text.Length == 0)
            {
                errors.Add(field, l["Validation.Required"]);
            }
            else if (text.Length > max)
            {
                errors.Add(field, l["Validation.MaxLength", max]);
            }

            return text;
        }

        var title = Text(nameof(BulletinInput.Title), input.Title, 200, true);
        var office = Text(nameof(BulletinInput.IssuingOffice), input.IssuingOffice, 100, true);
        var addressee = Text(nameof(BulletinInput.Addressee), input.Addressee, 200, true);
        var summary = Text(nameof(BulletinInput.Summary), input.Summary, Bulletin.MaxText, true);
        var requirements = Text(nameof(BulletinInput.Requirements), input.Requirements, Bulletin.MaxText, true);
        var copyTo = Text(nameof(BulletinInput.CopyTo), input.CopyTo, 500, false);
        if (!errors.Any && bulletin.Edit(title, office, addressee, summary, requirements, copyTo.Length == 0 ? null : copyTo) is { } refusal)
        {
            errors.Add(string.Empty, l["Refusal." + refusal.Code]);
        }

        if (errors.Any)
        {
            return Outcome<Bulletin>.Invalid(errors);
        }

        await db.SaveChangesAsync(ct);
        return Outcome<Bulletin>.Ok(bulletin);
    }
}

/// <summary>
/// Issues a draft with the next number of its kind this year (〔2026〕第5期), dated today, and tells every
/// account of the region in its inbox (and by email or group robot where configured).
/// </summary>
public sealed class IssueBulletin(DubanDb db, TimeProvider clock, QueueDeliveries queue, IStringLocalizer<SharedResource> l)
{
    public async Task<Outcome<Bulletin>> RunAsync(AccessScope scope, int id, string by, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        scope.Demand(Permission.ComposeBulletins);
        var region = await db.Regions.IgnoreQueryFilters().AsNoTracking().FirstAsync(r => r.Id == scope.RegionId, ct);
        var utcNow = clock.GetUtcNow().UtcDateTime;
        var today = Domain.RegionClock.Today(clock, region.TimeZoneId);
        for (var attempt = 1; ; attempt++)
        {
            var bulletin = await db.Bulletins.FirstOrDefaultAsync(b => b.Id == id && b.RegionId == scope.RegionId, ct);
            if (bulletin is null)
            {
                return Outcome<Bulletin>.NotFound();
            }

            var sequence = 1 + (await db.Bulletins.IgnoreQueryFilters()
                .Where(b => b.RegionId == bulletin.RegionId && b.Kind == bulletin.Kind && b.Year == today.Year)
                .MaxAsync(b => b.Sequence, ct) ?? 0);
            if (bulletin.Issue(today.Year, sequence, today, utcNow, by) is { } refusal)
            {
                var errors = new ValidationErrors();
                errors.Add(string.Empty, l["Refusal." + refusal.Code]);
                return Outcome<Bulletin>.Invalid(errors);
            }

            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            try
            {
                await db.SaveChangesAsync(ct);
                var title = l["Bulletins.MessageTitle", bulletin.Number, bulletin.Title].Value;
                var accounts = await db.Users.IgnoreQueryFilters().Where(a => a.RegionId == bulletin.RegionId && a.LockoutEnd == null).Select(a => a.Id).ToListAsync(ct);
                await Inbox.AddAsync(db, BulletinAccess.Messages(bulletin, accounts, title, "Bulletin", utcNow), queue, ct);
                await transaction.CommitAsync(ct);
                return Outcome<Bulletin>.Ok(bulletin);
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                // Another bulletin took the number meanwhile: take the next one.
                await transaction.RollbackAsync(ct);
                db.ChangeTracker.Clear();
            }
        }
    }
}

/// <summary>The office throws a draft away; issued bulletins are kept for good.</summary>
public sealed class DiscardBulletin(DubanDb db, IStringLocalizer<SharedResource> l)
{
    public async Task<Outcome<Bulletin>> RunAsync(AccessScope scope, int id, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        scope.Demand(Permission.ComposeBulletins);
        var bulletin = await db.Bulletins.FirstOrDefaultAsync(b => b.Id == id && b.RegionId == scope.RegionId, ct);
        if (bulletin is null)
        {
            return Outcome<Bulletin>.NotFound();
        }

        if (bulletin.IsIssued)
        {
            var errors = new ValidationErrors();
            errors.Add(string.Empty, l["Refusal." + Refusal.AlreadyIssued.Code]);
            return Outcome<Bulletin>.Invalid(errors);
        }

        db.Bulletins.Remove(bulletin);
        await db.SaveChangesAsync(ct);
        return Outcome<Bulletin>.Ok(bulletin);
    }
}

/// <summary>Who may read which bulletins: the office every one; everybody else of the region the issued ones, which are sent to all units.</summary>
public static class BulletinAccess
{
    public static IQueryable<Bulletin> VisibleTo(this IQueryable<Bulletin> bulletins, AccessScope scope, bool office)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var region = scope.RegionId;
        return bulletins.Where(b => b.RegionId == region && (office || b.Status == BulletinStatus.Issued));
    }

    /// <summary>The office that issues bulletins and notices: the region's rule, or the region's name and "督查室".</summary>
    public static string IssuingOffice(string? configured, string regionName, IStringLocalizer l)
    {
        ArgumentNullException.ThrowIfNull(l);
        return string.IsNullOrWhiteSpace(configured) ? l["Bulletins.DefaultOffice", regionName].Value : configured;
    }

    /// <summary>One inbox message about a bulletin to each account, once (the key is the kind of news, the bulletin and the account).</summary>
    public static List<Message> Messages(Bulletin bulletin, IEnumerable<int> accounts, string title, string news, DateTime utcNow)
    {
        ArgumentNullException.ThrowIfNull(bulletin);
        return accounts.Select(account => new Message
        {
            RegionId = bulletin.RegionId,
            AccountId = account,
            BulletinId = bulletin.Id,
            Kind = MessageKind.Bulletin,
            Title = title.Length > 300 ? title[..300] : title,
            CreatedAt = utcNow,
            DedupKey = $"{news}:{bulletin.Id}:{account}",
        }).ToList();
    }
}

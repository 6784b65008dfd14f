using Duban.Data;
using Duban.Domain.Audit;
using Microsoft.EntityFrameworkCore;

namespace Duban.Web.Features.Audit;

/// <summary>
/// A chain as verification found it: every entry up to <see cref="VerifiedThrough"/> hashes as it was sealed, and
/// <see cref="HeadHash"/> is what to write down outside the database; or the first broken link.
/// </summary>
public sealed record AuditChainState(int? RegionId, long VerifiedThrough, string? HeadHash, ChainBreak? Break, int Unsealed)
{
    public bool Intact => Break is null;

    /// <summary>The head as an anchor ("SEQUENCE:HASH") for a later verification to find again.</summary>
    public string? Anchor => HeadHash is null ? null : new ChainAnchor(VerifiedThrough, HeadHash).ToString();
}

/// <summary>
/// Seals what has committed, then walks a region's chain from its first entry and recomputes every link
/// (docs/decisions/0015). Called by the audit page, the API and the CLI.
/// </summary>
public sealed class VerifyAuditChain(DubanDb db)
{
    /// <summary>One region's chain, or the region-less entries' when <paramref name="regionId"/> is null.</summary>
    public async Task<AuditChainState> RunAsync(int? regionId, ChainAnchor? anchor = null, CancellationToken ct = default)
    {
        await AuditChainStore.SealAsync(db, regionId, ct);
        var report = await AuditChain.VerifyAsync(AuditChainStore.ReadAsync(db, regionId, ct), anchor, ct);
        var unsealed = await db.AuditEntries.IgnoreQueryFilters().CountAsync(a => a.RegionId == regionId && a.ChainSequence == null, ct);
        return new AuditChainState(regionId, report.VerifiedThrough, report.HeadHash, report.Break, unsealed);
    }

    /// <summary>Every chain the database holds: each region's, and the region-less entries' if there are any.</summary>
    public async Task<IReadOnlyList<AuditChainState>> RunAllAsync(CancellationToken ct = default)
    {
        await AuditChainStore.SealAsync(db, null, ct);
        var regions = await db.AuditEntries.IgnoreQueryFilters().Select(a => a.RegionId).Distinct().ToListAsync(ct);
        var states = new List<AuditChainState>();
        foreach (var region in regions.Order())
        {
            states.Add(await RunAsync(region, null, ct));
        }

        return states;
    }
}

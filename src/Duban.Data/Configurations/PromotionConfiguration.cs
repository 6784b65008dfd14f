using Duban.Domain.Organisation;
using Duban.Domain.Promotion;
using Duban.Domain.Work;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Duban.Data.Configurations;

internal sealed class LeadConfiguration : IEntityTypeConfiguration<Lead>
{
    public void Configure(EntityTypeBuilder<Lead> builder)
    {
        builder.Property(l => l.Investor).HasMaxLength(200);
        builder.Property(l => l.InvestorOrigin).HasMaxLength(100);
        builder.Property(l => l.Industry).HasMaxLength(100);
        builder.Property(l => l.SourceText).HasMaxLength(50);
        builder.Property(l => l.NextStep).HasMaxLength(500);
        builder.Property(l => l.TerminationReason).HasMaxLength(500);
        builder.Property(l => l.PlannedInvestment).HasPrecision(20, 4);
        builder.Property(l => l.SignedAmount).HasPrecision(20, 4);
        builder.Property(l => l.Source).HasConversion<string>().HasMaxLength(20);
        builder.Property(l => l.Stage).HasConversion<string>().HasMaxLength(16);
        builder.Property(l => l.HighestStage).HasConversion<string>().HasMaxLength(16);
        builder.Property(l => l.StageBeforeTermination).HasConversion<string>().HasMaxLength(16);
        builder.HasOne<Region>().WithMany().HasForeignKey(l => l.RegionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<WorkItem>().WithOne().HasForeignKey<Lead>(l => l.WorkItemId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<WorkItem>().WithMany().HasForeignKey(l => l.ProjectWorkItemId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<IndustryNode>().WithMany().HasForeignKey(l => l.IndustryNodeId).OnDelete(DeleteBehavior.Restrict);

        // The board counts a region's leads by stage, industry and unit; a project page asks where it came from.
        builder.HasIndex(l => new { l.RegionId, l.Stage });
        builder.HasIndex(l => l.ProjectWorkItemId);
    }
}

internal sealed class LeadContactConfiguration : IEntityTypeConfiguration<LeadContact>
{
    public void Configure(EntityTypeBuilder<LeadContact> builder)
    {
        builder.Property(c => c.People).HasMaxLength(300);
        builder.Property(c => c.Agreed).HasMaxLength(2000);
        builder.Property(c => c.NextStep).HasMaxLength(500);
        builder.Property(c => c.Kind).HasConversion<string>().HasMaxLength(12);
        builder.HasOne<Lead>().WithMany().HasForeignKey(c => c.LeadId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Person>().WithMany().HasForeignKey(c => c.RecordedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.LeadId, c.On });
    }
}

internal sealed class LeadStageChangeConfiguration : IEntityTypeConfiguration<LeadStageChange>
{
    public void Configure(EntityTypeBuilder<LeadStageChange> builder)
    {
        builder.Property(c => c.Stage).HasConversion<string>().HasMaxLength(16);
        builder.HasOne<Lead>().WithMany().HasForeignKey(c => c.LeadId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => new { c.RegionId, c.Stage });
        builder.HasIndex(c => c.LeadId);
    }
}

internal sealed class IndustryNodeConfiguration : IEntityTypeConfiguration<IndustryNode>
{
    public void Configure(EntityTypeBuilder<IndustryNode> builder)
    {
        builder.Property(n => n.Name).HasMaxLength(100);
        builder.HasOne<Region>().WithMany().HasForeignKey(n => n.RegionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<IndustryNode>().WithMany().HasForeignKey(n => n.ParentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(n => new { n.RegionId, n.ParentId, n.Name }).IsUnique();
    }
}

internal sealed class FirmConfiguration : IEntityTypeConfiguration<Firm>
{
    public void Configure(EntityTypeBuilder<Firm> builder)
    {
        builder.Property(f => f.Name).HasMaxLength(200);
        builder.Property(f => f.CreditCode).HasMaxLength(18);
        builder.Property(f => f.Industry).HasMaxLength(100);
        builder.Property(f => f.ContactName).HasMaxLength(50);
        builder.Property(f => f.ContactPhone).HasMaxLength(30);
        builder.Property(f => f.Address).HasMaxLength(200);
        builder.HasOne<Region>().WithMany().HasForeignKey(f => f.RegionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Unit>().WithMany().HasForeignKey(f => f.TownUnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(f => f.StewardId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<IndustryNode>().WithMany().HasForeignKey(f => f.IndustryNodeId).OnDelete(DeleteBehavior.Restrict);

        // A firm is found by its name (a ledger's 企业名称) or its credit code; each names one firm in a region.
        builder.HasIndex(f => new { f.RegionId, f.Name }).IsUnique();
        builder.HasIndex(f => new { f.RegionId, f.CreditCode }).IsUnique();
    }
}

internal sealed class FirmNeedConfiguration : IEntityTypeConfiguration<FirmNeed>
{
    public void Configure(EntityTypeBuilder<FirmNeed> builder)
    {
        builder.Property(n => n.Source).HasConversion<string>().HasMaxLength(12);
        builder.Property(n => n.Satisfaction).HasConversion<string>().HasMaxLength(12);
        builder.Property(n => n.LastRating).HasConversion<string>().HasMaxLength(12);
        builder.HasOne<Region>().WithMany().HasForeignKey(n => n.RegionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<WorkItem>().WithOne().HasForeignKey<FirmNeed>(n => n.WorkItemId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Firm>().WithMany().HasForeignKey(n => n.FirmId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(n => n.FirmId);
    }
}

internal sealed class NeedRatingConfiguration : IEntityTypeConfiguration<NeedRating>
{
    public void Configure(EntityTypeBuilder<NeedRating> builder)
    {
        builder.Property(r => r.Satisfaction).HasConversion<string>().HasMaxLength(12);
        builder.Property(r => r.Comment).HasMaxLength(1000);
        builder.Property(r => r.RatedByName).HasMaxLength(100);
        builder.HasOne<FirmNeed>().WithMany().HasForeignKey(r => r.FirmNeedId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => r.FirmNeedId);
    }
}

internal sealed class TripConfiguration : IEntityTypeConfiguration<Trip>
{
    public void Configure(EntityTypeBuilder<Trip> builder)
    {
        builder.Property(t => t.UnitPath).HasMaxLength(400);
        builder.Property(t => t.LeaderName).HasMaxLength(100);
        builder.Property(t => t.Places).HasMaxLength(300);
        builder.Property(t => t.FirmNames).HasMaxLength(2000);
        builder.Property(t => t.Notes).HasMaxLength(2000);
        builder.Property(t => t.RecordedByName).HasMaxLength(100);
        builder.HasOne<Region>().WithMany().HasForeignKey(t => t.RegionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Unit>().WithMany().HasForeignKey(t => t.UnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(t => t.LeaderId).OnDelete(DeleteBehavior.Restrict);

        // A unit's trips of a year are counted for its quota; a region's, for the board.
        builder.HasIndex(t => new { t.RegionId, t.UnitId, t.StartDate });
    }
}

internal sealed class FundsArrivalConfiguration : IEntityTypeConfiguration<FundsArrival>
{
    public void Configure(EntityTypeBuilder<FundsArrival> builder)
    {
        builder.Property(f => f.Domestic).HasPrecision(20, 4);
        builder.Property(f => f.Foreign).HasPrecision(20, 4);
        builder.Property(f => f.RecordedByName).HasMaxLength(100);
        builder.HasOne<Region>().WithMany().HasForeignKey(f => f.RegionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<WorkItem>().WithMany().HasForeignKey(f => f.WorkItemId).OnDelete(DeleteBehavior.Cascade);

        // One row per project and month: a second entry for the month corrects the first.
        builder.HasIndex(f => new { f.WorkItemId, f.Year, f.Month }).IsUnique();
        builder.HasIndex(f => new { f.RegionId, f.Year });
    }
}

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

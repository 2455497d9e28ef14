import { SlashCommandBuilder } from "discord.js";

/** The slash commands, as registered with Discord by `npm run discord:register`. */
export const SLASH_COMMANDS = [
  new SlashCommandBuilder()
    .setName("ask")
    .setDescription("Ask about the papers in the library")
    .addStringOption((option) => option.setName("question").setDescription("e.g. which papers cover KV cache compression?").setRequired(true).setMaxLength(1000)),
  new SlashCommandBuilder()
    .setName("paper")
    .setDescription("Look up one paper by name, short name, fragment or arXiv id")
    .addStringOption((option) => option.setName("name").setDescription("e.g. PyramidKV").setRequired(true)),
  new SlashCommandBuilder()
    .setName("similar")
    .setDescription("The papers most like one you name")
    .addStringOption((option) => option.setName("name").setDescription("e.g. PyramidKV").setRequired(true)),
  new SlashCommandBuilder()
    .setName("digest")
    .setDescription("The daily digest of new papers in this channel")
    .addSubcommand((sub) => sub.setName("subscribe").setDescription("Post a daily digest here").addStringOption((option) => option.setName("topic").setDescription("only papers on this topic, e.g. LLM inference efficiency")))
    .addSubcommand((sub) => sub.setName("unsubscribe").setDescription("Stop the daily digest here"))
    .addSubcommand((sub) => sub.setName("now").setDescription("Post today's digest now"))
    .addSubcommand((sub) => sub.setName("show").setDescription("Preview the next digest, to you alone (nothing is posted)")),
  new SlashCommandBuilder().setName("stats").setDescription("What the library holds: papers by month and source, the last fetch, digest subscriptions"),
].map((command) => command.toJSON());

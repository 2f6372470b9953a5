package chatqa.sample;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import chatqa.model.Role;

/**
 * Writes one synthetic conversation of a given scenario: customer openers, bot auto-replies,
 * the agent's greeting, complaint handling, transfers and closing, with realistic waits. How
 * well the agent follows the handbook is drawn from their {@link AgentProfile}.
 */
final class SyntheticConversation {
    enum Scenario { PRESALES, SALE, LATE_PARCEL, BROKEN_ITEM, TRANSFER, ESCALATION, SILENT_UNHAPPY, UNANSWERED, BOT_ONLY,
        // The handbooks' resolution scenarios (written by script(), see handbookScenario()).
        BARGAINING, PAYMENT_STALL, DELIVERY_QUESTION, QUALITY_CLAIM, RETURN_REQUEST, USAGE_QUESTION, OTHER_QUESTION,
        // A customer who sends the order number and has to chase (written by orderFollowUp()).
        ORDER_FOLLOW_UP }

    /** The resolution scenarios, for {@link SampleDay}'s second stream of conversations. */
    static final List<Scenario> HANDBOOK = List.of(Scenario.BARGAINING, Scenario.PAYMENT_STALL, Scenario.DELIVERY_QUESTION,
            Scenario.QUALITY_CLAIM, Scenario.RETURN_REQUEST, Scenario.USAGE_QUESTION, Scenario.OTHER_QUESTION);

    private final Phrases phrases;
    private final Random rnd;
    private final double followUps;
    private final List<ScriptedMessage> out = new ArrayList<>();
    private Instant clock;
    private AgentProfile agent;
    /** The customer left angry: no closing follows. */
    private boolean leftAngry;

    SyntheticConversation(Phrases phrases, Random rnd, Instant start, AgentProfile agent, double followUps) {
        this.phrases = phrases;
        this.rnd = rnd;
        this.followUps = followUps;
        this.clock = start;
        this.agent = agent;
    }

    List<ScriptedMessage> script(Scenario scenario, AgentProfile transferTo) {
        if (HANDBOOK.contains(scenario)) {
            return handbookScenario(scenario);
        }
        if (scenario == Scenario.ORDER_FOLLOW_UP) {
            return orderFollowUp();
        }
        boolean bot = rnd.nextDouble() < 0.35 || scenario == Scenario.BOT_ONLY;
        switch (scenario) {
            case PRESALES, SALE -> customer(say("presales_open"), bot);
            case LATE_PARCEL -> customer(say("late_open"), bot);
            case BROKEN_ITEM, TRANSFER, ESCALATION, SILENT_UNHAPPY -> customer(say("broken_open"), bot);
            case UNANSWERED -> customer(say("presales_open"), false);
            case BOT_ONLY -> customer(say("presales_open"), true);
        }
        if (scenario == Scenario.UNANSWERED) {
            if (rnd.nextBoolean()) {
                customerLater(say("late_chase"));
            }
            return out;
        }
        if (scenario == Scenario.BOT_ONLY) {
            customerLater(say("late_chase"));
            return out;
        }
        if (bot && rnd.nextDouble() < 0.3) {
            customer(say("human_request"), false);
        }
        boolean complaint = scenario != Scenario.PRESALES && scenario != Scenario.SALE;
        agentGreets(complaint);
        switch (scenario) {
            case PRESALES, SALE -> presales(scenario == Scenario.SALE);
            case LATE_PARCEL -> complaintHandling("late_explain");
            case BROKEN_ITEM -> complaintHandling("broken_explain");
            case TRANSFER -> transfer(transferTo);
            case ESCALATION -> escalation();
            case SILENT_UNHAPPY -> {
                agent(say("late_unhelpful"));
                customer(say("silent_unhappy_end"), false);
                return out;
            }
            default -> { }
        }
        if (leftAngry) {
            return out;
        }
        followUps();
        if (rnd.nextDouble() < 0.08) {
            agent(say("long_explain"));
        }
        closing(scenario == Scenario.SALE);
        return out;
    }

    /**
     * A conversation of one of the handbooks' resolution scenarios. Whether the agent follows the
     * handbook (points to promotions, asks what went wrong with a payment, names the courier…) is
     * drawn from their profile; the others cut prices, promise dates, argue or push retention twice.
     */
    private List<ScriptedMessage> handbookScenario(Scenario scenario) {
        boolean follows = rnd.nextDouble() < agent.apologises();
        String opener = say(switch (scenario) {
            case BARGAINING -> "bargain_open";
            case PAYMENT_STALL -> "payment_stall_open";
            case DELIVERY_QUESTION -> "delivery_open";
            case QUALITY_CLAIM -> "broken_open";
            case RETURN_REQUEST -> "return_open";
            case USAGE_QUESTION -> "usage_open";
            default -> "other_open";
        });
        customer(opener, rnd.nextDouble() < 0.2);
        agentGreets(scenario == Scenario.QUALITY_CLAIM);
        switch (scenario) {
            case BARGAINING -> {
                agent(say(follows ? "bargain_promotion" : rnd.nextBoolean() ? "bargain_cut" : "bargain_refuse"));
                customer(say("bargain_follow"), false);
            }
            case PAYMENT_STALL -> payment(follows);
            case DELIVERY_QUESTION -> delivery(follows);
            case QUALITY_CLAIM -> qualityClaim(follows);
            case RETURN_REQUEST -> returnRequest(follows, opener.contains("运费险"));
            case USAGE_QUESTION -> {
                agent(say(follows ? "usage_answer" : "usage_vague"));
                customer(say("customer_calm"), false);
            }
            default -> agent(say("other_answer"));
        }
        if (!leftAngry) {
            closing(scenario == Scenario.PAYMENT_STALL);
        }
        return out;
    }

    private void payment(boolean follows) {
        if (follows) {
            agent(say("payment_ask"));
            customer(say("payment_detail"), false);
            agent(say("payment_help"));
        } else {
            agent(say("payment_vague"));
        }
        customer(say("paid"), false);
        agent(say(follows ? "paid_thanks" : "paid_reply"));
    }

    private void delivery(boolean follows) {
        agent(say(follows ? "delivery_answer" : rnd.nextDouble() < 0.4 ? "delivery_promise" : "delivery_vague"));
        if (rnd.nextBoolean()) {
            customer(say("address_change"), false);
            agent(follows ? say("address_confirm") : "好的");
            customer(say("address_new"), false);
            agent(say("address_done"));
        }
    }

    private void qualityClaim(boolean follows) {
        if (follows) {
            agent(say("quality_ask_photo"));
            customer(say("photo_sent"), false);
            agent(say("quality_remedy"));
            customer(say("customer_calm"), false);
        } else if (rnd.nextDouble() < 0.3) {
            agent(say("quality_argue"));
            customer(say("customer_still_angry"), false);
            leftAngry = true;
        } else {
            agent(say("quality_remedy_vague"));
            customer(say("customer_calm"), false);
        }
    }

    private void returnRequest(boolean follows, boolean askedAboutInsurance) {
        String retention = say("retention_once");
        agent(follows && askedAboutInsurance ? retention + " " + say("insurance_answer") : retention);
        customer(say("return_insist"), false);
        if (follows) {
            agent(say("return_steps"));
        } else {
            agent(say("retention_again"));
            customer(say("return_insist"), false);
            agent("那好吧");
        }
    }

    private void presales(boolean sale) {
        agent(say("presales_answer"));
        customer(say("presales_follow"), false);
        agent(say("presales_reply"));
        if (sale) {
            customer(say("paid"), false);
            agent(say("paid_reply"));
        }
    }

    private void complaintHandling(String explainKind) {
        if (rnd.nextDouble() < 0.4) {
            customer(say("late_chase"), false);
            agentMaybeRude(say("agent_misc"));
        }
        agentMaybeRude(say(rnd.nextDouble() < agent.apologises() ? explainKind : "late_unhelpful"));
        boolean calm = rnd.nextDouble() < 0.4 + 0.5 * agent.apologises();
        customer(say(calm ? "customer_calm" : "customer_still_angry"), false);
        if (!calm) {
            boolean soothed = rnd.nextDouble() < agent.apologises();
            agent(soothed ? say("apology") + "，" + say(explainKind) : say("agent_misc"));
            // A weak agent's customer may leave still angry.
            leftAngry = !soothed && rnd.nextBoolean();
            customer(say(leftAngry ? "silent_unhappy_end" : "customer_calm"), false);
        }
    }

    /**
     * The customer opens with the order number; a careless agent asks for it again, and a slow
     * answer makes the customer chase once more after the agent's reply.
     */
    private List<ScriptedMessage> orderFollowUp() {
        String order = "2511" + String.format("%08d", rnd.nextInt(100_000_000));
        customer(say("order_open").replace("{order}", order), false);
        agentGreets(true);
        if (rnd.nextDouble() < 0.5) {
            agent(say("order_ask_again"));
            customer(say("order_given_again").replace("{order}", order), false);
        } else {
            agent(say("agent_misc"));
        }
        if (rnd.nextDouble() < 0.5) {
            customer(say("late_chase"), false);
            agent(say("agent_misc"));
            customerLater(say("order_chase_again"));
        }
        agent(say("late_explain"));
        closing(false);
        return out;
    }

    /** The customer threatens the platform or an outside complaint; the agent settles it with money or a refund. */
    private void escalation() {
        agent(say("late_unhelpful"));
        customer(say(rnd.nextBoolean() ? "escalate_platform" : "escalate_threat"), false);
        agent(say("escalate_reply"));
        customer(say("customer_calm"), false);
    }

    private void transfer(AgentProfile to) {
        agent(say("transfer_out"));
        agent = to;
        clock = clock.plusSeconds(20 + rnd.nextInt(60));
        agent(say("transfer_in"));
        complaintHandling("broken_explain");
    }

    /**
     * More questions before the goodbye, as in a busy shop's longer chats: a Poisson number of
     * exchanges with mean {@code followUps}, sometimes with a nudge while the customer waits.
     * Draws nothing from the random source when there are none asked for, so the sample day
     * stays as it was.
     */
    private void followUps() {
        if (followUps <= 0) {
            return;
        }
        int n = 0;
        double limit = Math.exp(-followUps);
        for (double p = rnd.nextDouble(); p > limit; p *= rnd.nextDouble()) {
            n++;
        }
        for (int i = 0; i < n; i++) {
            customer(say("follow_question"), false);
            if (rnd.nextDouble() < 0.15) {
                customer(say("follow_nudge"), false);
            }
            agent(say("follow_answer"));
        }
    }

    private void agentGreets(boolean complaint) {
        double r = rnd.nextDouble();
        String greeting;
        if (r < agent.greets()) {
            greeting = say("greeting_hello") + "，" + say("greeting_intro") + "，" + say("greeting_offer") + say("greeting_smiley");
        } else if (r < agent.greets() + 0.15) {
            greeting = say("greeting_hello") + "，" + say("greeting_offer");
        } else {
            greeting = say("greeting_bare");
        }
        if (complaint && rnd.nextDouble() < agent.apologises()) {
            greeting = greeting + " " + say("apology");
        }
        agent(greeting);
    }

    private void closing(boolean sale) {
        customer(say("customer_bye"), false);
        if (rnd.nextDouble() < agent.closes()) {
            agent(say("closing_question"));
            String last = say("closing_thanks") + "，" + say("closing_farewell");
            agent(sale ? last + "，" + say("closing_review") : last);
        } else if (rnd.nextBoolean()) {
            agent(say("closing_thanks"));
        } else {
            agent("好的");
        }
    }

    private void agentMaybeRude(String text) {
        agent(rnd.nextDouble() < agent.rude() ? say("rude") : text);
    }

    private String say(String kind) {
        return phrases.pick(kind, rnd, agent.number());
    }

    private void customer(String text, boolean botAnswers) {
        clock = clock.plusSeconds(5 + rnd.nextInt(70));
        out.add(new ScriptedMessage(clock, Role.CUSTOMER, null, text));
        if (botAnswers) {
            out.add(new ScriptedMessage(clock.plusSeconds(1), Role.BOT, null, phrases.pick("bot_welcome", rnd, 0)));
        }
    }

    private void customerLater(String text) {
        clock = clock.plusSeconds(60 + rnd.nextInt(240));
        out.add(new ScriptedMessage(clock, Role.CUSTOMER, null, text));
    }

    private void agent(String text) {
        double wait = agent.medianReplySeconds() * Math.exp(rnd.nextGaussian() * 0.7);
        clock = clock.plusMillis(Math.max(1000, Math.round(wait * 1000)));
        out.add(new ScriptedMessage(clock, Role.AGENT, agent.id(), text));
    }
}

import type { ArticleTopic } from "./articles";

// Knowledge base: bills, payments, tariffs and the contract. Figures match the seeded tariffs
// and the billing settings (bill on the 1st, 14 days to pay, VAT 20 %).

export const BILLING_TOPICS: ArticleTopic[] = [
  {
    slug: "how-to-read-your-bill",
    categories: ["BILLING_QUESTION"],
    ru: {
      title: "Как читать счёт",
      summary:
        "Из чего состоит ежемесячный счёт: абонентская плата, услуги сверх пакета, перерасчёты, корректировки и НДС.",
      body: `Счёт выставляется 1-го числа каждого месяца за прошедший месяц. Его можно открыть в разделе «Счета» на сайте или в приложении и скачать в PDF.

**Что в счёте**
- **Абонентская плата** — ежемесячная плата по тарифу каждого номера или услуги домашнего интернета.
- **Сверх пакета** — звонки, SMS или интернет, которые вышли за пределы пакета тарифа. Интернет тарифицируется за каждые начатые 100 МБ.
- **Перерасчёт** — появляется, если вы меняли тариф в середине месяца или подключили услугу не с 1-го числа: плата считается только за дни, когда услуга действовала.
- **Корректировка** — возврат или компенсация, например за перерыв в обслуживании. Отображается со знаком минус.
- **НДС 20%** — налог, начисленный на сумму всех строк.

**Итог и срок оплаты**
Итоговая сумма — это сумма всех строк с НДС. Оплатить счёт нужно в течение 14 дней с даты выставления; дата указана в поле «Оплатить до». Если у вас несколько номеров, строки сгруппированы по номерам, а итог — общий по лицевому счёту.`,
    },
    en: {
      title: "How to read your bill",
      summary: "What a monthly bill is made of: monthly fees, out-of-bundle usage, prorations, adjustments and VAT.",
      body: `Your bill is issued on the 1st of every month for the previous month. Open it under "Bills" on the website or in the app, and download it as a PDF.

**What is on the bill**
- **Monthly fee** — the plan fee of each number or home internet service.
- **Out of bundle** — calls, texts or data beyond your plan's allowance. Data is charged per started 100 MB.
- **Proration** — appears when you changed plan mid-month or a service started after the 1st: you only pay for the days the service was active.
- **Adjustment** — a refund or compensation, for example for a service outage. It is shown with a minus sign.
- **VAT 20%** — tax on the sum of all lines.

**Total and due date**
The total is the sum of all lines including VAT. Please pay within 14 days of the issue date; the exact date is shown as "Due by". If you have several numbers, lines are grouped by number and the total covers the whole account.`,
    },
  },
  {
    slug: "why-is-my-bill-higher",
    categories: ["BILLING_QUESTION", "BILL_DISPUTE"],
    ru: {
      title: "Почему счёт больше обычного",
      summary:
        "Частые причины роста счёта: интернет сверх пакета, смена тарифа в середине месяца, новые номера и платные разовые услуги.",
      body: `Если сумма счёта выросла, откройте счёт и сравните строки с прошлым месяцем. Чаще всего причина одна из этих.

**1. Услуги сверх пакета.** Когда пакет минут, SMS или интернета заканчивается, дальнейшее использование оплачивается по цене тарифа. Например, на тарифе «Старт» каждые начатые 100 МБ стоят 15 ₽. Остаток пакета видно на главной странице — там же можно включить уведомление, когда останется 10%.

**2. Смена тарифа в середине месяца.** Если вы перешли на другой тариф «сразу», в счёте будут две строки перерасчёта: возврат за оставшиеся дни старого тарифа и плата за те же дни по новому. Так вы платите за каждый день по тому тарифу, который действовал.

**3. Новый номер или услуга.** Первая абонентская плата за новый номер или домашний интернет начисляется за неполный месяц, а со следующего месяца — полностью.

**4. Разовые услуги.** Замена SIM-карты, бумажная детализация и другие разовые услуги указаны отдельными строками.

Если вы не согласны с начислением, оспорьте его в заявке с категорией «Спор по счёту» — см. статью «Как оспорить начисление».`,
    },
    en: {
      title: "Why is my bill higher than usual?",
      summary:
        "Common reasons a bill goes up: out-of-bundle data, a mid-month plan change, new numbers and one-off services.",
      body: `If your bill went up, open it and compare the lines with last month. Usually it is one of these.

**1. Out-of-bundle usage.** When your minutes, texts or data run out, further use is charged at the plan's prices. On the Start plan, for example, every started 100 MB costs 15 RUB. Your remaining allowance is on the home screen, where you can also turn on an alert at 10% left.

**2. A mid-month plan change.** If you switched plan "immediately", the bill has two proration lines: a credit for the remaining days of the old plan and a charge for the same days on the new one. You pay each day at the plan that was active.

**3. A new number or service.** The first fee of a new number or home internet covers only part of the month; the full fee starts the following month.

**4. One-off services.** SIM replacement, paper itemisation and other one-off services appear as separate lines.

If you disagree with a charge, dispute it with a "Bill dispute" request — see "How to dispute a charge".`,
    },
  },
  {
    slug: "paying-and-autopay",
    categories: ["BILLING_QUESTION"],
    ru: {
      title: "Оплата счёта и автоплатёж",
      summary:
        "Как оплатить счёт банковской картой на сайте или в приложении, оплатить часть суммы и настроить автоплатёж.",
      body: `Оплатить счёт можно в разделе «Счета»: откройте счёт и нажмите «Оплатить». Принимаются карты «Мир», Visa и Mastercard. Данные карты вводятся на странице платёжного провайдера — мы их не храним, в истории платежей видны только последние четыре цифры.

**Частичная оплата.** Можно оплатить часть суммы — укажите её перед оплатой. Счёт получит статус «Оплачен частично», остаток нужно внести до даты «Оплатить до».

**Автоплатёж.** Включите автоплатёж в профиле, и каждый новый счёт будет оплачиваться автоматически в день выставления. Перед списанием приходит уведомление; отключить автоплатёж можно в любой момент.

**Если платёж отклонён.** Проверьте, что на карте достаточно средств и разрешены онлайн-платежи, и повторите попытку. Повторная оплата безопасна: один и тот же платёж не спишется дважды.

**Срок оплаты.** Счёт нужно оплатить в течение 14 дней с даты выставления. После этого счёт становится просроченным, а при долге дольше 30 дней возможна приостановка обслуживания.`,
    },
    en: {
      title: "Paying your bill and autopay",
      summary: "How to pay a bill by card on the website or in the app, pay part of it, and set up autopay.",
      body: `Pay under "Bills": open the bill and tap "Pay". We accept Mir, Visa and Mastercard. Card details are entered on the payment provider's page — we never store them; your payment history only shows the last four digits.

**Partial payment.** You can pay part of the amount — enter it before paying. The bill becomes "Partially paid"; the rest is due by the "Due by" date.

**Autopay.** Turn on autopay in your profile and each new bill is paid automatically on the day it is issued. You get a notification before the charge and can turn autopay off at any time.

**If a payment is declined.** Check that the card has enough funds and allows online payments, then try again. Retrying is safe: the same payment is never charged twice.

**Due date.** Bills are due 14 days after they are issued. After that the bill is overdue, and a debt older than 30 days may lead to service suspension.`,
    },
  },
  {
    slug: "payment-not-showing",
    categories: ["BILLING_QUESTION", "BILL_DISPUTE"],
    ru: {
      title: "Платёж не отображается",
      summary: "Что делать, если деньги списаны с карты, а счёт всё ещё не оплачен.",
      body: `Обычно платёж отображается в счёте в течение нескольких минут. Если прошло больше часа, проверьте следующее.

1. **Статус платежа.** Откройте счёт и посмотрите раздел «Платежи». Если там платёж со статусом «Отклонён», деньги не списаны — банк мог временно заблокировать сумму, она вернётся в течение 1–3 рабочих дней.
2. **Правильный счёт.** Если у вас несколько лицевых счетов, убедитесь, что оплачивали нужный: номер лицевого счёта указан в шапке счёта.
3. **Платёж через банк или терминал.** Платежи через сторонние банки и терминалы зачисляются до 3 рабочих дней.

Если деньги списаны, а платёж так и не появился, создайте заявку в категории «Вопрос по счёту» и приложите выписку из банка или чек: дату, сумму и последние четыре цифры карты. Мы найдём платёж и зачислим его вручную.`,
    },
    en: {
      title: "My payment is not showing",
      summary: "What to do if your card was charged but the bill still shows as unpaid.",
      body: `A payment normally appears on the bill within a few minutes. If more than an hour has passed, check the following.

1. **Payment status.** Open the bill and look at "Payments". A "Declined" payment was not charged — your bank may have held the amount temporarily; it is released within 1–3 business days.
2. **The right account.** If you have several accounts, make sure you paid the right one: the account number is at the top of the bill.
3. **Paid through a bank or kiosk.** Payments through other banks and kiosks can take up to 3 business days.

If you were charged and the payment still does not appear, open a "Billing question" request with your bank statement or receipt: the date, the amount and the card's last four digits. We will find the payment and apply it manually.`,
    },
  },
  {
    slug: "changing-your-tariff",
    categories: ["TARIFF_CHANGE"],
    ru: {
      title: "Как сменить тариф",
      summary:
        "Смена тарифа в приложении: сразу с перерасчётом или с начала следующего месяца; кому доступны тарифы и что такое минимальный срок.",
      body: `Сменить тариф можно в разделе «Тарифы»: выберите номер, затем новый тариф. Перед подтверждением вы увидите, сколько это будет стоить.

**Когда начнёт действовать**
- **Сразу.** Новый тариф включается сегодня. В следующем счёте будет перерасчёт: возврат за оставшиеся дни текущего тарифа и плата за те же дни по новому.
- **Со следующего месяца.** Тариф сменится 1-го числа, без перерасчёта. До этого можно отменить переход.

**Ограничения**
- Для одного номера может быть только одна запланированная смена тарифа.
- У некоторых тарифов есть минимальный срок: «Безлимит» — 3 месяца, «Премиум» — 6 месяцев, «Домашний Гига» — 12 месяцев. До его окончания сменить тариф нельзя.
- Тариф «Премиум» доступен клиентам категорий Платинум и Золото, тариф «Свой» — только действующим абонентам.
- Архивные тарифы, например «Классический», подключить нельзя, но если вы уже на нём, он продолжает действовать.

Повторное нажатие кнопки не создаст второй переход — заявка на смену тарифа учитывается один раз.`,
    },
    en: {
      title: "How to change your plan",
      summary:
        "Changing plan in the app: immediately with proration or from next month; who can get which plan and what a minimum term is.",
      body: `Change your plan under "Plans": choose a number, then the new plan. Before you confirm, you see exactly what it will cost.

**When it starts**
- **Immediately.** The new plan starts today. Your next bill shows a proration: a credit for the remaining days of the current plan and a charge for the same days on the new one.
- **From next month.** The plan changes on the 1st with no proration. You can cancel the change until then.

**Limits**
- A number can have only one scheduled plan change at a time.
- Some plans have a minimum term: Unlimited 3 months, Premium 6 months, Home Giga 12 months. You cannot change plan before it ends.
- Premium is available to Platinum and Gold customers; Loyal is for existing subscribers only.
- Archived plans such as Classic can no longer be chosen, but if you are already on one, it stays active.

Tapping the button twice does not create a second change — a plan change request is only counted once.`,
    },
  },
  {
    slug: "disputing-a-charge",
    categories: ["BILL_DISPUTE", "COMPLAINT"],
    ru: {
      title: "Как оспорить начисление",
      summary:
        "Если вы не согласны со строкой в счёте: как подать претензию, сроки рассмотрения и как вернутся деньги.",
      body: `Если вы считаете начисление ошибочным, создайте заявку в категории «Спор по счёту». Укажите счёт, строку и почему вы не согласны — например, «не был в роуминге» или «не подключал подписку».

**Как мы рассматриваем**
Специалист проверит детализацию по номеру: время, объём и место оказания услуги. Спорные суммы больше 1 000 ₽ всегда рассматривает сотрудник, а не автоматический помощник. Обычно ответ приходит в течение одного рабочего дня; если нужна проверка у партнёра, например роумингового оператора, — до 10 дней.

**Если начисление ошибочное**
Сумма вернётся корректировкой: в следующем счёте появится строка со знаком минус. Если счёт уже оплачен, переплата уменьшит следующий счёт.

**Если начисление верное**
Мы пришлём подробную детализацию. Если вы по-прежнему не согласны, ответьте в заявке — её рассмотрит старший специалист. Оплачивать неоспариваемую часть счёта нужно в обычный срок, чтобы не возникла просрочка.`,
    },
    en: {
      title: "How to dispute a charge",
      summary:
        "If you disagree with a line on your bill: how to file a dispute, how long it takes and how the money comes back.",
      body: `If you believe a charge is wrong, open a "Bill dispute" request. Tell us the bill, the line and why you disagree — for example "I was not roaming" or "I never subscribed to this".

**How we review it**
An agent checks the usage records for the number: time, volume and where the service was used. Disputes over 1,000 RUB are always reviewed by a person, not the automated assistant. You usually get an answer within one business day; if a partner such as a roaming operator must check, up to 10 days.

**If the charge is wrong**
You get the money back as an adjustment: a line with a minus sign on your next bill. If the bill is already paid, the overpayment reduces the next one.

**If the charge is correct**
We send you the detailed usage. If you still disagree, reply to the request and a senior agent will review it. Please pay the undisputed part of the bill on time so it does not become overdue.`,
    },
  },
  {
    slug: "cancelling-your-contract",
    categories: ["CANCEL_CONTRACT"],
    ru: {
      title: "Расторжение договора",
      summary:
        "Как расторгнуть договор на мобильную связь или домашний интернет, что будет с балансом, номером и оборудованием.",
      body: `Расторгнуть договор можно в любой момент. Создайте заявку в категории «Расторжение договора» — с вами свяжется специалист, уточнит детали и предложит варианты, если причину можно устранить: например, более выгодный тариф или перенос домашнего интернета на новый адрес.

**Что нужно знать**
- Абонентская плата начисляется по день расторжения включительно; итоговый счёт придёт 1-го числа следующего месяца.
- Задолженность нужно погасить; переплата возвращается на карту или банковский счёт в течение 10 дней.
- Номер можно сохранить, перенеся его к другому оператору (см. «Перенос номера»). После расторжения без переноса номер через 180 дней может быть передан другому абоненту.
- Роутер, выданный в аренду для домашнего интернета, нужно вернуть в течение 30 дней в любой салон.
- Для тарифов с минимальным сроком расторжение тоже возможно, штрафов нет.

Расторжение договора на одну услугу не затрагивает другие номера на вашем лицевом счёте.`,
    },
    en: {
      title: "Cancelling your contract",
      summary:
        "How to cancel a mobile or home internet contract and what happens to your balance, number and equipment.",
      body: `You can cancel at any time. Open a "Contract cancellation" request — an agent will contact you, confirm the details and offer options if the reason can be fixed, such as a better plan or moving home internet to your new address.

**Good to know**
- Fees are charged up to and including the cancellation day; the final bill arrives on the 1st of the following month.
- Any debt must be paid; an overpayment is refunded to your card or bank account within 10 days.
- You can keep your number by porting it to another operator (see "Number porting"). Without porting, a number may be reissued 180 days after cancellation.
- A router rented for home internet must be returned to any store within 30 days.
- Plans with a minimum term can be cancelled too; there are no penalties.

Cancelling one service does not affect the other numbers on your account.`,
    },
  },
  {
    slug: "changing-personal-data",
    categories: ["OTHER"],
    ru: {
      title: "Изменение персональных данных",
      summary: "Как изменить e-mail, контактный телефон, адрес, ФИО и паспортные данные в договоре.",
      body: `**Контактные данные** — e-mail, контактный телефон и язык интерфейса — можно изменить самостоятельно в разделе «Профиль». Изменения вступают в силу сразу.

**ФИО и паспортные данные** меняются только по документу: обратитесь в салон или к партнёру с новым паспортом. Если вы сменили фамилию, возьмите также свидетельство о браке или другой документ об изменении. Данные в договоре обновятся в течение дня, номер и тариф сохранятся.

**Адрес регистрации** обновляется так же, по паспорту. Если вы переехали и пользуетесь домашним интернетом, создайте заявку — мы проверим подключение по новому адресу и перенесём услугу.

**Вход в личный кабинет** выполняется по номеру телефона. Если номер сменился (например, после переноса), вход будет по новому номеру; пароль останется прежним.

Мы никогда не просим сообщить пароль или код из SMS по телефону или в мессенджерах.`,
    },
    en: {
      title: "Changing your personal details",
      summary: "How to change your e-mail, contact phone, address, name and passport details in your contract.",
      body: `**Contact details** — e-mail, contact phone and interface language — can be changed by you under "Profile". Changes apply immediately.

**Name and passport details** change only on presentation of the document: visit a store or a partner with your new passport. If you changed your surname, also bring your marriage certificate or another document confirming the change. Your contract is updated within a day; your number and plan stay the same.

**Registered address** is updated the same way, by passport. If you moved and use home internet, open a request — we will check availability at the new address and move the service.

**Signing in** uses your phone number. If your number changes (for example after porting), you sign in with the new number; your password stays the same.

We never ask for your password or an SMS code by phone or messenger.`,
    },
  },
];
